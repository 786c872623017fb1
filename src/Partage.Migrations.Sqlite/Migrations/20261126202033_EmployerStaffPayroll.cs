using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmployerStaffPayroll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employer_staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    nir = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_staff_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    cadre = table.Column<bool>(type: "INTEGER", nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 200, nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    cachets = table.Column<int>(type: "INTEGER", nullable: true),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    allowances_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    dpae_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_contracts_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_employer_contracts_staff_member_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "employer_staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_payslips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mandate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    result_json = table.Column<string>(type: "TEXT", nullable: false),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employee_contributions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employer_contributions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    reductions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_before_tax_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_taxable_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_rate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    tax_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_paid_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employer_cost_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    allowances_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    validated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    validated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_payslips", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_payslips_employer_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "employer_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_employer_contracts_employer_id",
                table: "employer_contracts",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_contracts_number",
                table: "employer_contracts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_contracts_staff_member_id_start",
                table: "employer_contracts",
                columns: new[] { "staff_member_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_payslips_contract_id_period",
                table: "employer_payslips",
                columns: new[] { "contract_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_payslips_employer_id_period",
                table: "employer_payslips",
                columns: new[] { "employer_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_payslips_number",
                table: "employer_payslips",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_payslips_payment_batch_id",
                table: "employer_payslips",
                column: "payment_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_payslips_status_due_on",
                table: "employer_payslips",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_staff_employer_id_nir",
                table: "employer_staff",
                columns: new[] { "employer_id", "nir" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "employer_payslips");

            migrationBuilder.DropTable(
                name: "employer_contracts");

            migrationBuilder.DropTable(
                name: "employer_staff");
        }
    }
}
