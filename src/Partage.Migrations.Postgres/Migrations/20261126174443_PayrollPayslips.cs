using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    execution_date = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    total_cents = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    payment_entry_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_payment_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_payslips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    result_json = table.Column<string>(type: "text", nullable: false),
                    gross_cents = table.Column<long>(type: "bigint", nullable: false),
                    employee_contributions_cents = table.Column<long>(type: "bigint", nullable: false),
                    employer_contributions_cents = table.Column<long>(type: "bigint", nullable: false),
                    reductions_cents = table.Column<long>(type: "bigint", nullable: false),
                    net_before_tax_cents = table.Column<long>(type: "bigint", nullable: false),
                    net_taxable_cents = table.Column<long>(type: "bigint", nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    neutral_tax_rate = table.Column<bool>(type: "boolean", nullable: false),
                    tax_cents = table.Column<long>(type: "bigint", nullable: false),
                    net_paid_cents = table.Column<long>(type: "bigint", nullable: false),
                    employer_cost_cents = table.Column<long>(type: "bigint", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    validated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    validated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    payroll_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true)
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
