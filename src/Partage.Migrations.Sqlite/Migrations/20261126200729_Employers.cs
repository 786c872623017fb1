using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Employers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    legal_form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    ape = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    collective_agreement = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    urssaf_reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    fund_references = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    at_mp_rate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    billing_email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    exposure_limit_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employers", x => x.id);
                    table.ForeignKey(
                        name: "fk_employers_office_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_mandates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    signed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    terminated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    termination_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_mandates", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_mandates_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_users",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_users", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_employer_users_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_employer_mandates_employer_id_signed_on",
                table: "employer_mandates",
                columns: new[] { "employer_id", "signed_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_users_employer_id",
                table: "employer_users",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_employers_office_id_status",
                table: "employers",
                columns: new[] { "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_employers_siret",
                table: "employers",
                column: "siret",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "employer_mandates");

            migrationBuilder.DropTable(
                name: "employer_users");

            migrationBuilder.DropTable(
                name: "employers");
        }
    }
}
