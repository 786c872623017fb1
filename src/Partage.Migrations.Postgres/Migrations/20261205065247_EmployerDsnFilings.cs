using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmployerDsnFilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payroll_dsn_filings_legal_entity_id_period_ordinal",
                table: "payroll_dsn_filings");

            migrationBuilder.AddColumn<DateOnly>(
                name: "deadline",
                table: "payroll_dsn_filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "employer_id",
                table: "payroll_dsn_filings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "employer_name",
                table: "payroll_dsn_filings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_payroll_dsn_filings_employer_id_period_ordinal",
                table: "payroll_dsn_filings",
                columns: new[] { "employer_id", "period", "ordinal" },
                unique: true,
                filter: "employer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_dsn_filings_legal_entity_id_period_ordinal",
                table: "payroll_dsn_filings",
                columns: new[] { "legal_entity_id", "period", "ordinal" },
                unique: true,
                filter: "employer_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payroll_dsn_filings_employer_id_period_ordinal",
                table: "payroll_dsn_filings");

            migrationBuilder.DropIndex(
                name: "ix_payroll_dsn_filings_legal_entity_id_period_ordinal",
                table: "payroll_dsn_filings");

            migrationBuilder.DropColumn(
                name: "deadline",
                table: "payroll_dsn_filings");

            migrationBuilder.DropColumn(
                name: "employer_id",
                table: "payroll_dsn_filings");

            migrationBuilder.DropColumn(
                name: "employer_name",
                table: "payroll_dsn_filings");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_dsn_filings_legal_entity_id_period_ordinal",
                table: "payroll_dsn_filings",
                columns: new[] { "legal_entity_id", "period", "ordinal" },
                unique: true);
        }
    }
}
