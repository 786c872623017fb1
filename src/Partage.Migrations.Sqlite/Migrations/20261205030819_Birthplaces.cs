using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Birthplaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "birth_country",
                table: "members",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "birth_place",
                table: "members",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "birth_country",
                table: "employer_staff",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "birth_place",
                table: "employer_staff",
                type: "TEXT",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "birth_country",
                table: "members");

            migrationBuilder.DropColumn(
                name: "birth_place",
                table: "members");

            migrationBuilder.DropColumn(
                name: "birth_country",
                table: "employer_staff");

            migrationBuilder.DropColumn(
                name: "birth_place",
                table: "employer_staff");
        }
    }
}
