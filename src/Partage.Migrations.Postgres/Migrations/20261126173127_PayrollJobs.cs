using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    cadre = table.Column<bool>(type: "boolean", nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    cachets = table.Column<int>(type: "integer", nullable: true),
                    gross_cents = table.Column<long>(type: "bigint", nullable: false),
                    employer_cost_cents = table.Column<long>(type: "bigint", nullable: false),
                    net_cents = table.Column<long>(type: "bigint", nullable: false),
                    usage_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    dfs = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    member_signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    member_signature_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    member_signature_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    countersigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    countersigned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    dpae_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    commitment_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collective_agreement = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    trade_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "ix_payroll_minimum_rates_collective_agreement_trade_code_unit_",
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
