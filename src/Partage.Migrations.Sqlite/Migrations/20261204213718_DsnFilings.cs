using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DsnFilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payroll_dsn_filings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    deposit_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_dsn_filings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_dsn_filings_legal_entity_id_period_ordinal",
                table: "payroll_dsn_filings",
                columns: new[] { "legal_entity_id", "period", "ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_dsn_filings");
        }
    }
}
