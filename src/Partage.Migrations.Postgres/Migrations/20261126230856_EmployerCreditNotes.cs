using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmployerCreditNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "credit_reason",
                table: "employer_invoices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "credited_invoice_id",
                table: "employer_invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "employer_invoices",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Invoice");

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_credited_invoice_id",
                table: "employer_invoices",
                column: "credited_invoice_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employer_invoices_credited_invoice_id",
                table: "employer_invoices");

            migrationBuilder.DropColumn(
                name: "credit_reason",
                table: "employer_invoices");

            migrationBuilder.DropColumn(
                name: "credited_invoice_id",
                table: "employer_invoices");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "employer_invoices");
        }
    }
}
