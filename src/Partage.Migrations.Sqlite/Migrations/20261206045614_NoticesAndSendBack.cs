using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoticesAndSendBack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "invoices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notice_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    in_app = table.Column<bool>(type: "INTEGER", nullable: false),
                    email = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_preferences", x => new { x.user_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notices_user_id_read_at_created_at",
                table: "notices",
                columns: new[] { "user_id", "read_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_preferences");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "invoices");
        }
    }
}
