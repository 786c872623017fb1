using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_ape",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_licence",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_name",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_role",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_organiser_siret",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "production_recording",
                table: "payroll_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_title",
                table: "payroll_jobs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payroll_compliance_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    job_number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    job = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
