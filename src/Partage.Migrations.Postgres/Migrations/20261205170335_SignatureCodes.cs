using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SignatureCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "countersignature_code_id",
                table: "payroll_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "countersignature_ip",
                table: "payroll_jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "countersignature_name",
                table: "payroll_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "member_signature_code_id",
                table: "payroll_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signed_terms_sha256",
                table: "payroll_jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payroll_signature_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_signature_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_payroll_signature_codes_payroll_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "payroll_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payroll_signature_codes_job_id_signer_created_at",
                table: "payroll_signature_codes",
                columns: new[] { "job_id", "signer", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payroll_signature_codes");

            migrationBuilder.DropColumn(
                name: "countersignature_code_id",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "countersignature_ip",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "countersignature_name",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "member_signature_code_id",
                table: "payroll_jobs");

            migrationBuilder.DropColumn(
                name: "signed_terms_sha256",
                table: "payroll_jobs");
        }
    }
}
