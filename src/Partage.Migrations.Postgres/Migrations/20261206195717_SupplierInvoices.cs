using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupplierInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "content",
                table: "platform_flows",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "supplier_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    supplier_siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    supplier_vat_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    supplier_address = table.Column<string>(type: "character varying(125)", maxLength: 125, nullable: false),
                    supplier_iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    type_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    net_cents = table.Column<long>(type: "bigint", nullable: false),
                    vat_cents = table.Column<long>(type: "bigint", nullable: false),
                    total_cents = table.Column<long>(type: "bigint", nullable: false),
                    payable_cents = table.Column<long>(type: "bigint", nullable: false),
                    buyer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    syntax = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    platform_flow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    office_id = table.Column<Guid>(type: "uuid", nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dispute_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supplier_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_invoices_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supplier_invoices_legal_entities_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("03c1ccd0-6128-60cf-db93-34ca33deace8"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Voyages et déplacements", new Guid("0193a000-0000-7000-8000-000000000002"), "6251", null, null },
                    { new Guid("06d3aac3-2a0f-5103-ef75-2fa130a83dbb"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Voyages et déplacements", new Guid("0193a000-0000-7000-8000-000000000001"), "6251", null, null },
                    { new Guid("182e48cf-9c3b-1e5c-74d2-08bb73d0c38a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - avances et acomptes versés sur commandes", new Guid("0193a000-0000-7000-8000-000000000002"), "4091", null, null },
                    { new Guid("1d2f13ec-4180-19a2-301a-971abe43b1b6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sous-traitance générale", new Guid("0193a000-0000-7000-8000-000000000003"), "611", null, null },
                    { new Guid("2036bf84-6b0f-37b2-a5c8-56e6ef790f8b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Divers", new Guid("0193a000-0000-7000-8000-000000000003"), "628", null, null },
                    { new Guid("2ff814ac-b2dc-b962-0054-6808ced4b928"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations mobilières", new Guid("0193a000-0000-7000-8000-000000000003"), "6135", null, null },
                    { new Guid("3d2b1bbc-bfcc-6b4e-e12c-6b866e0424cc"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations mobilières", new Guid("0193a000-0000-7000-8000-000000000001"), "6135", null, null },
                    { new Guid("3d4b0b16-2e69-5a46-d10b-ff5f8b0ae9b6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sous-traitance générale", new Guid("0193a000-0000-7000-8000-000000000002"), "611", null, null },
                    { new Guid("68783109-8366-da17-cd90-ee92cd9f151d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations mobilières", new Guid("0193a000-0000-7000-8000-000000000002"), "6135", null, null },
                    { new Guid("6a06f9d8-1e70-eb73-d10b-54260ee84f25"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Divers", new Guid("0193a000-0000-7000-8000-000000000001"), "628", null, null },
                    { new Guid("76a0e658-b061-008f-73d5-f52adba3cac1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Publicité, publications, relations publiques", new Guid("0193a000-0000-7000-8000-000000000002"), "623", null, null },
                    { new Guid("7c3f0e83-8d1b-5e81-344e-385153c35dd3"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Publicité, publications, relations publiques", new Guid("0193a000-0000-7000-8000-000000000003"), "623", null, null },
                    { new Guid("9639de88-74bb-4875-9dc1-f4c737b668e2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Divers", new Guid("0193a000-0000-7000-8000-000000000002"), "628", null, null },
                    { new Guid("ab0e931f-c0f2-dfe7-3a17-31616b5d59d3"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Publicité, publications, relations publiques", new Guid("0193a000-0000-7000-8000-000000000001"), "623", null, null },
                    { new Guid("ab56025a-4108-aca5-3bf4-de4406fc4671"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - avances et acomptes versés sur commandes", new Guid("0193a000-0000-7000-8000-000000000003"), "4091", null, null },
                    { new Guid("b0802692-12a7-f6bb-fe3a-1ab1d308aff9"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - avances et acomptes versés sur commandes", new Guid("0193a000-0000-7000-8000-000000000001"), "4091", null, null },
                    { new Guid("e91feec0-db59-bf46-1aff-a7d862706abe"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Voyages et déplacements", new Guid("0193a000-0000-7000-8000-000000000003"), "6251", null, null },
                    { new Guid("e967880c-59f0-c90f-c5b2-87e69d46ca4a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sous-traitance générale", new Guid("0193a000-0000-7000-8000-000000000001"), "611", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_activity_id",
                table: "supplier_invoices",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_legal_entity_id_supplier_siren_invoice_nu",
                table: "supplier_invoices",
                columns: new[] { "legal_entity_id", "supplier_siren", "invoice_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_number",
                table: "supplier_invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_office_id",
                table: "supplier_invoices",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_payment_batch_id",
                table: "supplier_invoices",
                column: "payment_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_invoices_status_due_date",
                table: "supplier_invoices",
                columns: new[] { "status", "due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supplier_invoices");

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("03c1ccd0-6128-60cf-db93-34ca33deace8"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("06d3aac3-2a0f-5103-ef75-2fa130a83dbb"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("182e48cf-9c3b-1e5c-74d2-08bb73d0c38a"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("1d2f13ec-4180-19a2-301a-971abe43b1b6"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("2036bf84-6b0f-37b2-a5c8-56e6ef790f8b"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("2ff814ac-b2dc-b962-0054-6808ced4b928"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3d2b1bbc-bfcc-6b4e-e12c-6b866e0424cc"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3d4b0b16-2e69-5a46-d10b-ff5f8b0ae9b6"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("68783109-8366-da17-cd90-ee92cd9f151d"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("6a06f9d8-1e70-eb73-d10b-54260ee84f25"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("76a0e658-b061-008f-73d5-f52adba3cac1"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("7c3f0e83-8d1b-5e81-344e-385153c35dd3"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("9639de88-74bb-4875-9dc1-f4c737b668e2"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("ab0e931f-c0f2-dfe7-3a17-31616b5d59d3"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("ab56025a-4108-aca5-3bf4-de4406fc4671"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("b0802692-12a7-f6bb-fe3a-1ab1d308aff9"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("e91feec0-db59-bf46-1aff-a7d862706abe"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("e967880c-59f0-c90f-c5b2-87e69d46ca4a"));

            migrationBuilder.DropColumn(
                name: "content",
                table: "platform_flows");
        }
    }
}
