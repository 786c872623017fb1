using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_members_last_name_first_name_number",
                table: "members",
                columns: new[] { "last_name", "first_name", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_last_name_first_name_number",
                table: "members");
        }
    }
}
