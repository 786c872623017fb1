using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GuaranteeFund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "guarantee_covers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    covered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cover_entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    write_off_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    covered_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guarantee_covers", x => x.id);
                    table.ForeignKey(
                        name: "fk_guarantee_covers_invoice_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("04fe4199-b866-84c2-0aa2-f357d31b7a62"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000003"), "791", null, null },
                    { new Guid("2ac31919-3c8d-f138-1988-3ad5cb22c4b1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000001"), "791", null, null },
                    { new Guid("f37fcddc-6b64-642e-a65c-ae40c9fa3df6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000002"), "791", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_guarantee_covers_invoice_id",
                table: "guarantee_covers",
                column: "invoice_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guarantee_covers");

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("04fe4199-b866-84c2-0aa2-f357d31b7a62"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("2ac31919-3c8d-f138-1988-3ad5cb22c4b1"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("f37fcddc-6b64-642e-a65c-ae40c9fa3df6"));
        }
    }
}
