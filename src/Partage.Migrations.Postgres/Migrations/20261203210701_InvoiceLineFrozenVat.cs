using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceLineFrozenVat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "vat_category",
                table: "invoice_lines",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "vat_rate_percent",
                table: "invoice_lines",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // Lines written before this migration take the rule of their code in force on their invoice's issue date (the service start for drafts).
            foreach (var column in new[] { "category", "rate_percent" })
            {
                migrationBuilder.Sql($"""
                    UPDATE invoice_lines SET vat_{column} = (
                        SELECT r.{column} FROM vat_rules r JOIN invoices i ON i.id = invoice_lines.invoice_id
                        WHERE r.code = invoice_lines.vat_code
                        ORDER BY (r.valid_from <= COALESCE(i.issue_date, i.service_from)) DESC, r.valid_from DESC LIMIT 1)
                    WHERE EXISTS (SELECT 1 FROM vat_rules r WHERE r.code = invoice_lines.vat_code)
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "vat_category",
                table: "invoice_lines");

            migrationBuilder.DropColumn(
                name: "vat_rate_percent",
                table: "invoice_lines");
        }
    }
}
