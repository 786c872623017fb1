using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmployerInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employer_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    mandate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gross_payroll_cents = table.Column<long>(type: "bigint", nullable: false),
                    net_wages_cents = table.Column<long>(type: "bigint", nullable: false),
                    contributions_cents = table.Column<long>(type: "bigint", nullable: false),
                    allowances_cents = table.Column<long>(type: "bigint", nullable: false),
                    fee_rate_percent = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    fee_cents = table.Column<long>(type: "bigint", nullable: false),
                    fee_shares_json = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    vat_cents = table.Column<long>(type: "bigint", nullable: false),
                    total_cents = table.Column<long>(type: "bigint", nullable: false),
                    payment_reference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    buyer_json = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    paid_cents = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_invoices_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "vat_rules",
                columns: new[] { "code", "valid_from", "category", "exemption_text", "label", "legal_basis", "rate_percent", "valid_to" },
                values: new object[] { "DEBOURS_267", new DateOnly(2010, 1, 1), "E", "Débours : sommes avancées au nom et pour le compte de l'employeur, remboursées à l'euro près, hors base d'imposition (art. 267 II 2° du CGI)", "Débours (sommes avancées pour le compte du client)", "CGI, art. 267 II 2°", 0m, null });

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_employer_id_period",
                table: "employer_invoices",
                columns: new[] { "employer_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_number",
                table: "employer_invoices",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "employer_invoices");

            migrationBuilder.DeleteData(
                table: "vat_rules",
                keyColumns: new[] { "code", "valid_from" },
                keyValues: new object[] { "DEBOURS_267", new DateOnly(2010, 1, 1) });
        }
    }
}
