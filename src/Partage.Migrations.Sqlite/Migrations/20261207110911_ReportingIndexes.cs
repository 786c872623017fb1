using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_from_office_id",
                table: "payroll_payslips",
                columns: new[] { "from", "office_id" });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_start_office_id",
                table: "payroll_jobs",
                columns: new[] { "start", "office_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issue_date_office_id",
                table: "invoices",
                columns: new[] { "issue_date", "office_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payroll_payslips_from_office_id",
                table: "payroll_payslips");

            migrationBuilder.DropIndex(
                name: "ix_payroll_jobs_start_office_id",
                table: "payroll_jobs");

            migrationBuilder.DropIndex(
                name: "ix_invoices_issue_date_office_id",
                table: "invoices");
        }
    }
}
