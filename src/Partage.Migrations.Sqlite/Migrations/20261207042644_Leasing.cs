using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Leasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leasing_direct_debit_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    created_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    collection_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leasing_direct_debit_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leasing_leases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    quote_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    quote_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    price_excl_vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    price_incl_vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    wished_months = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    terms_months = table.Column<int>(type: "INTEGER", nullable: true),
                    terms_annual_rate_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    terms_monthly_fee_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    terms_deposit_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    terms_first_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    terms_due_day = table.Column<int>(type: "INTEGER", nullable: true),
                    terms_approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    terms_approved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    purchase_invoice_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    purchase_invoice_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    purchase_amount_excl_vat_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    purchase_vat_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    purchase_asset_account = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    purchase_useful_life_years = table.Column<int>(type: "INTEGER", nullable: true),
                    purchase_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    mandate_reference = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    mandate_debtor_name = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    mandate_iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    mandate_signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    mandate_used = table.Column<bool>(type: "INTEGER", nullable: true),
                    paused_months = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closing_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leasing_leases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leasing_instalments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lease_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    interest_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    capital_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    remaining_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    collected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    direct_debit_file_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    prenotified_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leasing_instalments", x => x.id);
                    table.ForeignKey(
                        name: "fk_leasing_instalments_leasing_leases_lease_id",
                        column: x => x.lease_id,
                        principalTable: "leasing_leases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("026855a5-9d95-f535-bbd5-78f966d37e81"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel de bureau et matériel informatique", new Guid("0193a000-0000-7000-8000-000000000002"), "2183", null, null },
                    { new Guid("04ecd352-dbd1-43dd-6287-99bf66f46d1f"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur immobilisations", new Guid("0193a000-0000-7000-8000-000000000001"), "44562", null, null },
                    { new Guid("0b1b43e8-59de-588e-0286-1547bac285c5"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur immobilisations", new Guid("0193a000-0000-7000-8000-000000000003"), "44562", null, null },
                    { new Guid("15dda3f9-2e6d-c778-6b09-4bd2807f5838"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel de bureau et informatique", new Guid("0193a000-0000-7000-8000-000000000003"), "28183", null, null },
                    { new Guid("2036a17c-0160-95dd-98a4-034626702651"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Effets à l'encaissement (prélèvements présentés)", new Guid("0193a000-0000-7000-8000-000000000003"), "5113", null, null },
                    { new Guid("207f7d04-6023-92e7-b409-6d6adce5b06a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel industriel", new Guid("0193a000-0000-7000-8000-000000000003"), "28154", null, null },
                    { new Guid("2896ec89-be71-8c92-f30b-c5743045663e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des cessions d'éléments d'actif", new Guid("0193a000-0000-7000-8000-000000000003"), "775", null, null },
                    { new Guid("3909e611-4e89-7ff6-1758-22707f709a79"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel de bureau et matériel informatique", new Guid("0193a000-0000-7000-8000-000000000001"), "2183", null, null },
                    { new Guid("3b97662f-4d14-7e6c-c445-65f23789ddd5"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs d'immobilisations", new Guid("0193a000-0000-7000-8000-000000000001"), "404", null, null },
                    { new Guid("42bd7b9f-3176-bc6e-ef71-23c9a03240f2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs d'immobilisations", new Guid("0193a000-0000-7000-8000-000000000003"), "404", null, null },
                    { new Guid("58685074-3011-fa67-b203-9bf104ccf7f6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur immobilisations", new Guid("0193a000-0000-7000-8000-000000000002"), "44562", null, null },
                    { new Guid("5e20ae39-11ba-5470-b35e-90eab30de668"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel industriel", new Guid("0193a000-0000-7000-8000-000000000002"), "28154", null, null },
                    { new Guid("66f1091b-3360-67f7-7d5f-32bb0fe9f1f9"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel de bureau et informatique", new Guid("0193a000-0000-7000-8000-000000000001"), "28183", null, null },
                    { new Guid("6a378257-9432-b568-e1f7-13740122ebb3"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des cessions d'éléments d'actif", new Guid("0193a000-0000-7000-8000-000000000002"), "775", null, null },
                    { new Guid("754c07ea-3fc5-a9cc-05b1-12ac9be1b1cc"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel industriel", new Guid("0193a000-0000-7000-8000-000000000003"), "2154", null, null },
                    { new Guid("847ad28d-e9f3-6494-abd7-a0a6b6581c6b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des cessions d'éléments d'actif", new Guid("0193a000-0000-7000-8000-000000000001"), "775", null, null },
                    { new Guid("84f2c61c-274f-7e20-793b-3201be8ce68d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel industriel", new Guid("0193a000-0000-7000-8000-000000000002"), "2154", null, null },
                    { new Guid("8c212d6e-9234-0005-6f6b-56de03ae6e16"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux amortissements des immobilisations", new Guid("0193a000-0000-7000-8000-000000000002"), "6811", null, null },
                    { new Guid("ba0b8e8e-8482-b029-b4f5-80b40a98b8a1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs d'immobilisations", new Guid("0193a000-0000-7000-8000-000000000002"), "404", null, null },
                    { new Guid("baa56ad9-dd05-56f7-e939-4b989545e501"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux amortissements des immobilisations", new Guid("0193a000-0000-7000-8000-000000000003"), "6811", null, null },
                    { new Guid("d514c19c-f8ad-fc3f-9870-2f1cbc18fccd"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux amortissements des immobilisations", new Guid("0193a000-0000-7000-8000-000000000001"), "6811", null, null },
                    { new Guid("dc61507d-2059-4ab1-3f3a-33a01d0b4054"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel industriel", new Guid("0193a000-0000-7000-8000-000000000001"), "28154", null, null },
                    { new Guid("e74e7aef-36e8-b1d6-3673-d2ec5aa54741"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Effets à l'encaissement (prélèvements présentés)", new Guid("0193a000-0000-7000-8000-000000000002"), "5113", null, null },
                    { new Guid("efa7075c-4c3b-9059-9bf4-0b6902f06469"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Effets à l'encaissement (prélèvements présentés)", new Guid("0193a000-0000-7000-8000-000000000001"), "5113", null, null },
                    { new Guid("f4925056-da09-2e03-cc13-2965a0085c24"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel industriel", new Guid("0193a000-0000-7000-8000-000000000001"), "2154", null, null },
                    { new Guid("f8de614f-a9df-396f-0fab-f34d0c165bfc"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Amortissements du matériel de bureau et informatique", new Guid("0193a000-0000-7000-8000-000000000002"), "28183", null, null },
                    { new Guid("fc0dcdea-9c8a-1689-467d-7c5759d29478"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Matériel de bureau et matériel informatique", new Guid("0193a000-0000-7000-8000-000000000003"), "2183", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_leasing_direct_debit_files_message_id",
                table: "leasing_direct_debit_files",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leasing_instalments_lease_id_number",
                table: "leasing_instalments",
                columns: new[] { "lease_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leasing_instalments_status_due_on",
                table: "leasing_instalments",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_leasing_leases_activity_id",
                table: "leasing_leases",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_leasing_leases_mandate_reference",
                table: "leasing_leases",
                column: "mandate_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leasing_leases_member_id",
                table: "leasing_leases",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_leasing_leases_number",
                table: "leasing_leases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leasing_leases_status_office_id",
                table: "leasing_leases",
                columns: new[] { "status", "office_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leasing_direct_debit_files");

            migrationBuilder.DropTable(
                name: "leasing_instalments");

            migrationBuilder.DropTable(
                name: "leasing_leases");

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("026855a5-9d95-f535-bbd5-78f966d37e81"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("04ecd352-dbd1-43dd-6287-99bf66f46d1f"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("0b1b43e8-59de-588e-0286-1547bac285c5"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("15dda3f9-2e6d-c778-6b09-4bd2807f5838"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("2036a17c-0160-95dd-98a4-034626702651"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("207f7d04-6023-92e7-b409-6d6adce5b06a"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("2896ec89-be71-8c92-f30b-c5743045663e"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3909e611-4e89-7ff6-1758-22707f709a79"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3b97662f-4d14-7e6c-c445-65f23789ddd5"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("42bd7b9f-3176-bc6e-ef71-23c9a03240f2"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("58685074-3011-fa67-b203-9bf104ccf7f6"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("5e20ae39-11ba-5470-b35e-90eab30de668"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("66f1091b-3360-67f7-7d5f-32bb0fe9f1f9"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("6a378257-9432-b568-e1f7-13740122ebb3"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("754c07ea-3fc5-a9cc-05b1-12ac9be1b1cc"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("847ad28d-e9f3-6494-abd7-a0a6b6581c6b"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("84f2c61c-274f-7e20-793b-3201be8ce68d"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("8c212d6e-9234-0005-6f6b-56de03ae6e16"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("ba0b8e8e-8482-b029-b4f5-80b40a98b8a1"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("baa56ad9-dd05-56f7-e939-4b989545e501"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("d514c19c-f8ad-fc3f-9870-2f1cbc18fccd"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("dc61507d-2059-4ab1-3f3a-33a01d0b4054"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("e74e7aef-36e8-b1d6-3673-d2ec5aa54741"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("efa7075c-4c3b-9059-9bf4-0b6902f06469"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("f4925056-da09-2e03-cc13-2965a0085c24"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("f8de614f-a9df-396f-0fab-f34d0c165bfc"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("fc0dcdea-9c8a-1689-467d-7c5759d29478"));
        }
    }
}
