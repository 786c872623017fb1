using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PayrollPayslips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payroll_payment_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    execution_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    payment_entry_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_payment_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_payslips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    result_json = table.Column<string>(type: "TEXT", nullable: false),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employee_contributions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employer_contributions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    reductions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_before_tax_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_taxable_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_rate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    neutral_tax_rate = table.Column<bool>(type: "INTEGER", nullable: false),
                    tax_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_paid_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employer_cost_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    validated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    validated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    payroll_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_payslips", x => x.id);
                    table.ForeignKey(
                        name: "fk_payroll_payslips_payroll_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "payroll_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payment_batches_legal_entity_id_execution_date",
                table: "payroll_payment_batches",
                columns: new[] { "legal_entity_id", "execution_date" });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payment_batches_number",
                table: "payroll_payment_batches",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_job_id",
                table: "payroll_payslips",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_member_id",
                table: "payroll_payslips",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_number",
                table: "payroll_payslips",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_payment_batch_id",
                table: "payroll_payslips",
                column: "payment_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_payslips_status_due_on",
                table: "payroll_payslips",
                columns: new[] { "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_payment_batches");

            migrationBuilder.DropTable(
                name: "payroll_payslips");
        }
    }
}
