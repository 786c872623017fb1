using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PayrollJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payroll_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    cadre = table.Column<bool>(type: "INTEGER", nullable: false),
                    trade_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    cachets = table.Column<int>(type: "INTEGER", nullable: true),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    employer_cost_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    usage_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    dfs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    member_signed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    member_signature_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    member_signature_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    countersigned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    countersigned_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    dpae_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    commitment_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_payroll_jobs_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payroll_minimum_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    collective_agreement = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    trade_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_minimum_rates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_activity_id",
                table: "payroll_jobs",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_member_id_start",
                table: "payroll_jobs",
                columns: new[] { "member_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_number",
                table: "payroll_jobs",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_office_id_status",
                table: "payroll_jobs",
                columns: new[] { "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_minimum_rates_collective_agreement_trade_code_unit_from",
                table: "payroll_minimum_rates",
                columns: new[] { "collective_agreement", "trade_code", "unit", "from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_jobs");

            migrationBuilder.DropTable(
                name: "payroll_minimum_rates");
        }
    }
}
