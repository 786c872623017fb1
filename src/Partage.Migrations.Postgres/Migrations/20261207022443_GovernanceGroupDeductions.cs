using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GovernanceGroupDeductions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "withheld_by",
                table: "governance_share_deductions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Reservations made before: withheld by the cooperative itself (only its own payslips withheld then).
            migrationBuilder.Sql("UPDATE governance_share_deductions SET withheld_by = (SELECT s.legal_entity_id FROM governance_shareholders s WHERE s.id = governance_share_deductions.shareholder_id)");

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("3f3fe1c4-cd38-0267-68ff-cf6801002ac5"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Groupe - comptes courants entre les entités", new Guid("0193a000-0000-7000-8000-000000000001"), "451", null, null },
                    { new Guid("42b57817-3b8c-4295-c71e-1234b1c41e35"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Groupe - comptes courants entre les entités", new Guid("0193a000-0000-7000-8000-000000000003"), "451", null, null },
                    { new Guid("52616ac8-62fb-84e2-539d-917f6d5caf89"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Groupe - comptes courants entre les entités", new Guid("0193a000-0000-7000-8000-000000000002"), "451", null, null }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3f3fe1c4-cd38-0267-68ff-cf6801002ac5"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("42b57817-3b8c-4295-c71e-1234b1c41e35"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("52616ac8-62fb-84e2-539d-917f6d5caf89"));

            migrationBuilder.DropColumn(
                name: "withheld_by",
                table: "governance_share_deductions");
        }
    }
}
