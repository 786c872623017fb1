using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IntermittentProductions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "production_function",
                table: "payroll_jobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_ape",
                table: "payroll_jobs",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_licence",
                table: "payroll_jobs",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_name",
                table: "payroll_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_role",
                table: "payroll_jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_siret",
                table: "payroll_jobs",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "production_recording",
                table: "payroll_jobs",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_title",
                table: "payroll_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payroll_compliance_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    job_number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    job = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rule = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_compliance_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_jobs_production_organiser_siret",
                table: "payroll_jobs",
                column: "production_organiser_siret");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_compliance_events_job_id",
                table: "payroll_compliance_events",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_payroll_compliance_events_office_id_on",
                table: "payroll_compliance_events",
                columns: new[] { "office_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_compliance_events");

            migrationBuilder.DropIndex(
                name: "ix_payroll_jobs_production_organiser_siret",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_function",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_organiser_ape",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_organiser_licence",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_organiser_name",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_organiser_role",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_organiser_siret",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_recording",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "production_title",
                table: "payroll_jobs");
        }
    }
}
