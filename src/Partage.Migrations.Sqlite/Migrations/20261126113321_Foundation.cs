using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "business_modules",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_modules", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_entities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    legal_form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    vat_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_entities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "number_series",
                columns: table => new
                {
                    series = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_series", x => x.series);
                });

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    opening_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offered_modules",
                columns: table => new
                {
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offered_modules", x => new { x.legal_entity_id, x.module_code });
                    table.ForeignKey(
                        name: "fk_offered_modules_business_modules_module_code",
                        column: x => x.module_code,
                        principalTable: "business_modules",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_offered_modules_legal_entities_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "performance_licences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_licences", x => x.id);
                    table.ForeignKey(
                        name: "fk_performance_licences_legal_entities_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_managers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_managers", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_managers_office_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    nir = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    trade_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    manager_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    membership_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    search_key = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_activity_manager_manager_id",
                        column: x => x.manager_id,
                        principalTable: "activity_managers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_members_office_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    manager_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_activities_activity_manager_manager_id",
                        column: x => x.manager_id,
                        principalTable: "activity_managers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_business_modules_module_code",
                        column: x => x.module_code,
                        principalTable: "business_modules",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_member_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_office_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "business_modules",
                columns: new[] { "code", "name" },
                values: new object[,]
                {
                    { "AUDIOVISUEL", "Audiovisuel" },
                    { "GESTION_CONTRATS", "Gestion de contrats" },
                    { "PROJETS", "Production de projets" },
                    { "SPECTACLES", "Production de spectacles" }
                });

            migrationBuilder.InsertData(
                table: "legal_entities",
                columns: new[] { "id", "city", "code", "country", "legal_form", "name", "postal_code", "siren", "street", "vat_number" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "Lille", "SCIC", "FR", "SCIC SA à capital variable", "SCIC SMart", "59000", "900000001", "1 rue de la Coopération", "FR68900000001" },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "Lille", "LNA", "FR", "SAS à capital variable", "La Nouvelle Aventure", "59000", "900000019", "1 rue de la Coopération", "FR25900000019" },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "Lille", "GE", "FR", "SCOP SARL à capital variable", "Scop Grandsensemble", "59000", "900000027", "1 rue de la Coopération", "FR49900000027" }
                });

            migrationBuilder.InsertData(
                table: "offered_modules",
                columns: new[] { "legal_entity_id", "module_code" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "AUDIOVISUEL" },
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "GESTION_CONTRATS" },
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "PROJETS" },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "SPECTACLES" },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "PROJETS" },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "SPECTACLES" }
                });

            migrationBuilder.InsertData(
                table: "performance_licences",
                columns: new[] { "id", "category", "legal_entity_id", "number", "valid_until" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000102"), 2, new Guid("0193a000-0000-7000-8000-000000000002"), "PLATESV-R-2024-000102", new DateOnly(2029, 6, 30) },
                    { new Guid("0193a000-0000-7000-8000-000000000103"), 3, new Guid("0193a000-0000-7000-8000-000000000002"), "PLATESV-R-2024-000103", new DateOnly(2029, 6, 30) }
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_legal_entity_id",
                table: "activities",
                column: "legal_entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_manager_id",
                table: "activities",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_member_id_name",
                table: "activities",
                columns: new[] { "member_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_activities_module_code",
                table: "activities",
                column: "module_code");

            migrationBuilder.CreateIndex(
                name: "ix_activities_office_id_status",
                table: "activities",
                columns: new[] { "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_managers_office_id",
                table: "activity_managers",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_managers_user_id",
                table: "activity_managers",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_resource_type_resource_id",
                table: "audit_events",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_entities_code",
                table: "legal_entities",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_email",
                table: "members",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_manager_id",
                table: "members",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_nir",
                table: "members",
                column: "nir",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_number",
                table: "members",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_office_id_status_last_name",
                table: "members",
                columns: new[] { "office_id", "status", "last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_members_status_last_name",
                table: "members",
                columns: new[] { "status", "last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_members_user_id",
                table: "members",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offered_modules_module_code",
                table: "offered_modules",
                column: "module_code");

            migrationBuilder.CreateIndex(
                name: "ix_offices_name",
                table: "offices",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_licences_legal_entity_id_category_valid_until",
                table: "performance_licences",
                columns: new[] { "legal_entity_id", "category", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "number_series");

            migrationBuilder.DropTable(
                name: "offered_modules");

            migrationBuilder.DropTable(
                name: "performance_licences");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "business_modules");

            migrationBuilder.DropTable(
                name: "legal_entities");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "activity_managers");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "offices");
        }
    }
}
