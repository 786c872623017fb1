using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PayrollPayslipMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payroll_payslips_job_id",
                table: "payroll_payslips");

            migrationBuilder.AddColumn<bool>(
                name: "final",
                table: "payroll_payslips",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "from",
                table: "payroll_payslips",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "to",
                table: "payroll_payslips",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Payslips before this migration are each the one payslip of a job within a month.
            migrationBuilder.Sql("UPDATE payroll_payslips AS p SET \"from\" = j.start, \"to\" = j.\"end\", final = TRUE FROM payroll_jobs AS j WHERE j.id = p.job_id;");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_job_id_period",
                table: "payroll_payslips",
                columns: new[] { "job_id", "period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payroll_payslips_job_id_period",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "final",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "from",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "to",
                table: "payroll_payslips");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_job_id",
                table: "payroll_payslips",
                column: "job_id",
                unique: true);
        }
    }
}
