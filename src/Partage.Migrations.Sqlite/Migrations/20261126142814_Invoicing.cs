using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Invoicing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    payment_terms_days = table.Column<int>(type: "INTEGER", nullable: false),
                    service_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    service_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    buyer_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    purchase_order = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    credited_invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    parties_json = table.Column<string>(type: "TEXT", nullable: true),
                    sale_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vat_rules",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    exemption_text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vat_rules", x => new { x.code, x.valid_from });
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 16, scale: 4, nullable: false),
                    vat_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_payments", x => x.id);
                    table.CheckConstraint("ck_invoice_payments_amount_positive", "amount_cents > 0");
                    table.ForeignKey(
                        name: "fk_invoice_payments_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "vat_rules",
                columns: new[] { "code", "valid_from", "category", "exemption_text", "label", "legal_basis", "rate_percent", "valid_to" },
                values: new object[,]
                {
                    { "FR_10", new DateOnly(2014, 1, 1), "S", null, "TVA 10 %", "CGI, art. 279", 10m, null },
                    { "FR_2_1", new DateOnly(2014, 1, 1), "S", null, "TVA 2,1 % (140 premières représentations d'un spectacle)", "CGI, art. 281 quater", 2.1m, null },
                    { "FR_20", new DateOnly(2014, 1, 1), "S", null, "TVA 20 %", "CGI, art. 278", 20m, null },
                    { "FR_5_5", new DateOnly(2014, 1, 1), "S", null, "TVA 5,5 %", "CGI, art. 278-0 bis", 5.5m, null },
                    { "HORS_UE_259_1", new DateOnly(2010, 1, 1), "G", "TVA non applicable : prestation de services à un preneur établi hors de l'Union européenne (art. 259-1 du CGI)", "Prestation à un preneur établi hors de l'UE", "CGI, art. 259-1", 0m, null },
                    { "UE_AUTOLIQUIDATION", new DateOnly(2010, 1, 1), "AE", "Autoliquidation : TVA due par le preneur (art. 283-2 du CGI, art. 196 de la directive 2006/112/CE)", "Autoliquidation (client assujetti de l'UE)", "CGI, art. 259-1 et 283-2 ; directive 2006/112/CE, art. 44 et 196", 0m, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_invoice_id",
                table: "invoice_lines",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_payments_invoice_id",
                table: "invoice_payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_activity_id_status",
                table: "invoices",
                columns: new[] { "activity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_client_id",
                table: "invoices",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_credited_invoice_id",
                table: "invoices",
                column: "credited_invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_legal_entity_id_number",
                table: "invoices",
                columns: new[] { "legal_entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_office_id_status",
                table: "invoices",
                columns: new[] { "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_payment_reference",
                table: "invoices",
                column: "payment_reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "invoice_payments");

            migrationBuilder.DropTable(
                name: "vat_rules");

            migrationBuilder.DropTable(
                name: "invoices");
        }
    }
}
