using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                name: "clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    legal_form = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    vat_number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    address_line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address_line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    electronic_address = table.Column<string>(type: "TEXT", maxLength: 125, nullable: true),
                    billing_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    search_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clients", x => x.id);
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
                name: "idempotent_requests",
                columns: table => new
                {
                    owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    body = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.owner, x.key });
                });

            migrationBuilder.CreateTable(
                name: "ledger_closed_periods",
                columns: table => new
                {
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_closed_periods", x => new { x.legal_entity_id, x.year, x.month });
                    table.CheckConstraint("ck_ledger_closed_periods_month", "month BETWEEN 1 AND 12");
                });

            migrationBuilder.CreateTable(
                name: "ledger_letterings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_letterings", x => x.id);
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
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    attachment_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    claimed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "payroll_notified_tax_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_notified_tax_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_payment_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
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
                name: "payroll_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 10, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payroll_settings", x => x.id);
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
                name: "scheduled_job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_job_runs", x => x.id);
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
                name: "vat_rules",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    exemption_text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vat_rules", x => new { x.code, x.valid_from });
                });

            migrationBuilder.CreateTable(
                name: "client_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_client_contacts_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bank_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    statement_id = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_bank_statements_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    auxiliary_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    auxiliary_label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    owner_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_accounts", x => x.id);
                    table.CheckConstraint("ck_ledger_accounts_number", "length(number) >= 3");
                    table.ForeignKey(
                        name: "fk_ledger_accounts_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_fiscal_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_fiscal_years", x => x.id);
                    table.CheckConstraint("ck_ledger_fiscal_years_dates", "ends_on >= starts_on");
                    table.ForeignKey(
                        name: "fk_ledger_fiscal_years_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_journals",
                columns: table => new
                {
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_journals", x => new { x.legal_entity_id, x.code });
                    table.ForeignKey(
                        name: "fk_ledger_journals_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "bank_statement_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    statement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    bank_reference = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    booking_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    debtor_name = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    creditor_reference = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    remittance = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    unmatched_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    suspense_entry_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_statement_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_bank_statement_lines_bank_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "bank_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    journal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    fiscal_year_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    accounting_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    piece_ref = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reverses_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_ledger_entries_number", "number > 0");
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_entries_reverses_entry_id",
                        column: x => x.reverses_entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_fiscal_years_fiscal_year_id",
                        column: x => x.fiscal_year_id,
                        principalTable: "ledger_fiscal_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_journals_legal_entity_id_journal_code",
                        columns: x => new { x.legal_entity_id, x.journal_code },
                        principalTable: "ledger_journals",
                        principalColumns: new[] { "legal_entity_id", "code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_fee_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    cap_per_document_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    fixed_monthly_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_fee_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_fee_rules_offered_modules_legal_entity_id_module_code",
                        columns: x => new { x.legal_entity_id, x.module_code },
                        principalTable: "offered_modules",
                        principalColumns: new[] { "legal_entity_id", "module_code" },
                        onDelete: ReferentialAction.Restrict);
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
                name: "employer_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    credited_invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    credit_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    mandate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gross_payroll_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    net_wages_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    contributions_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    allowances_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_rate_percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    fee_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_shares_json = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    total_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    buyer_json = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    paid_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_invoices_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
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

            migrationBuilder.CreateTable(
                name: "ledger_fee_shares",
                columns: table => new
                {
                    fee_rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    points = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    account_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_fee_shares", x => new { x.fee_rule_id, x.position });
                    table.ForeignKey(
                        name: "fk_ledger_fee_shares_ledger_fee_rules_fee_rule_id",
                        column: x => x.fee_rule_id,
                        principalTable: "ledger_fee_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    dfs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
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
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    payment_terms_days = table.Column<int>(type: "INTEGER", nullable: false),
                    service_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    service_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    buyer_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    purchase_order = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    credited_invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    parties_json = table.Column<string>(type: "TEXT", nullable: true),
                    sale_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    disputed_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    dispute_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_to = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_legal_entity_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_postings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    accounting_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_postings", x => x.id);
                    table.CheckConstraint("ck_ledger_postings_amount_positive", "amount > 0");
                    table.CheckConstraint("ck_ledger_postings_side", "side IN ('D', 'C')");
                    table.ForeignKey(
                        name: "fk_ledger_postings_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_postings_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_postings_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payroll_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
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
                name: "quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    service_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    buyer_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lines_json = table.Column<string>(type: "TEXT", nullable: false),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    gross_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    responded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    respondent_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    respondent_ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quotes_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotes_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_payslips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
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

            migrationBuilder.CreateTable(
                name: "dunning_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    step = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dunning_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_dunning_steps_invoice_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "guarantee_covers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    covered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cover_entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    write_off_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    covered_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guarantee_covers", x => x.id);
                    table.ForeignKey(
                        name: "fk_guarantee_covers_invoice_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 16, scale: 4, nullable: false),
                    vat_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    net_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_payments", x => x.id);
                    table.CheckConstraint("ck_invoice_payments_amount_positive", "amount_cents > 0");
                    table.ForeignKey(
                        name: "fk_invoice_payments_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_lettered_postings",
                columns: table => new
                {
                    posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lettering_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_lettered_postings", x => x.posting_id);
                    table.ForeignKey(
                        name: "fk_ledger_lettered_postings_lettering_lettering_id",
                        column: x => x.lettering_id,
                        principalTable: "ledger_letterings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_lettered_postings_posting_posting_id",
                        column: x => x.posting_id,
                        principalTable: "ledger_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payroll_payslips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    final = table.Column<bool>(type: "INTEGER", nullable: false),
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
                table: "vat_rules",
                columns: new[] { "code", "valid_from", "category", "exemption_text", "label", "legal_basis", "rate_percent", "valid_to" },
                values: new object[,]
                {
                    { "DEBOURS_267", new DateOnly(2010, 1, 1), "E", "Débours : sommes avancées au nom et pour le compte de l'employeur, remboursées à l'euro près, hors base d'imposition (art. 267 II 2° du CGI)", "Débours (sommes avancées pour le compte du client)", "CGI, art. 267 II 2°", 0m, null },
                    { "FR_10", new DateOnly(2014, 1, 1), "S", null, "TVA 10 %", "CGI, art. 279", 10m, null },
                    { "FR_2_1", new DateOnly(2014, 1, 1), "S", null, "TVA 2,1 % (140 premières représentations d'un spectacle)", "CGI, art. 281 quater", 2.1m, null },
                    { "FR_20", new DateOnly(2014, 1, 1), "S", null, "TVA 20 %", "CGI, art. 278", 20m, null },
                    { "FR_5_5", new DateOnly(2014, 1, 1), "S", null, "TVA 5,5 %", "CGI, art. 278-0 bis", 5.5m, null },
                    { "HORS_UE_259_1", new DateOnly(2010, 1, 1), "G", "TVA non applicable : prestation de services à un preneur établi hors de l'Union européenne (art. 259-1 du CGI)", "Prestation à un preneur établi hors de l'UE", "CGI, art. 259-1", 0m, null },
                    { "UE_AUTOLIQUIDATION", new DateOnly(2010, 1, 1), "AE", "Autoliquidation : TVA due par le preneur (art. 283-2 du CGI, art. 196 de la directive 2006/112/CE)", "Autoliquidation (client assujetti de l'UE)", "CGI, art. 259-1 et 283-2 ; directive 2006/112/CE, art. 44 et 196", 0m, null }
                });

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("0142bf85-8cb2-ac11-5724-162bdba7ab68"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - comptes courants", new Guid("0193a000-0000-7000-8000-000000000003"), "455", null, null },
                    { new Guid("0150680f-8060-ab62-a6b2-f01a52bd9675"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Réserves", new Guid("0193a000-0000-7000-8000-000000000002"), "106", null, null },
                    { new Guid("01b1133d-3ca5-9587-f6bc-4fb4d1b91a87"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fonds de garantie des membres", new Guid("0193a000-0000-7000-8000-000000000002"), "4671", null, null },
                    { new Guid("03036ff2-f489-ea4e-2fb1-7ea3239d09f6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde débiteur)", new Guid("0193a000-0000-7000-8000-000000000001"), "119", null, null },
                    { new Guid("04917331-449a-b547-8214-3fe001ed165e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Pertes sur créances irrécouvrables", new Guid("0193a000-0000-7000-8000-000000000003"), "654", null, null },
                    { new Guid("04fe4199-b866-84c2-0aa2-f357d31b7a62"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000003"), "791", null, null },
                    { new Guid("0899df95-fbae-772c-c1ed-d722c9291a20"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Charges de sécurité sociale et de prévoyance", new Guid("0193a000-0000-7000-8000-000000000002"), "645", null, null },
                    { new Guid("0d7d6e54-bb6f-3995-6f6a-24a15f6e2a95"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux dépréciations des actifs circulants", new Guid("0193a000-0000-7000-8000-000000000001"), "6817", null, null },
                    { new Guid("0ea04632-216b-86ff-4d84-539530a4d26c"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prélèvement à la source", new Guid("0193a000-0000-7000-8000-000000000001"), "4421", null, null },
                    { new Guid("0edec302-b423-89d3-9fd0-ff3ecae82c82"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - factures non parvenues", new Guid("0193a000-0000-7000-8000-000000000002"), "408", null, null },
                    { new Guid("128bd7ec-cbb7-7cb2-9e14-5f93cfc8697f"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA collectée", new Guid("0193a000-0000-7000-8000-000000000003"), "44571", null, null },
                    { new Guid("14c03c6b-0d06-b5ff-8410-1c7fa18807a2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prestations de services", new Guid("0193a000-0000-7000-8000-000000000002"), "706", null, null },
                    { new Guid("152ad4df-e41d-fc1b-04b8-c749bdbe2816"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients douteux ou litigieux", new Guid("0193a000-0000-7000-8000-000000000001"), "416", null, null },
                    { new Guid("1ca4ba1e-0c32-a64c-06c7-f9b7e31a53ac"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contribution coopérative", new Guid("0193a000-0000-7000-8000-000000000003"), "7062", null, null },
                    { new Guid("1d61ce43-6502-687a-29c1-c003dbf51801"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Engagements donnés - contrats signés", new Guid("0193a000-0000-7000-8000-000000000001"), "8011", null, null },
                    { new Guid("1e749683-2728-d75c-c189-4cf3384274b6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux dépréciations des actifs circulants", new Guid("0193a000-0000-7000-8000-000000000003"), "6817", null, null },
                    { new Guid("22e6e70f-367d-f9f7-7731-fc67f2d77b5c"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Réserves", new Guid("0193a000-0000-7000-8000-000000000003"), "106", null, null },
                    { new Guid("27accede-e50a-c141-f912-f1e39062b55e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations diverses", new Guid("0193a000-0000-7000-8000-000000000001"), "7083", null, null },
                    { new Guid("297b1553-9e6d-f429-1864-54d8242bccc7"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde débiteur)", new Guid("0193a000-0000-7000-8000-000000000002"), "119", null, null },
                    { new Guid("2a7612ea-f554-6b6c-a78e-a4b030083f45"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contrepartie des engagements donnés", new Guid("0193a000-0000-7000-8000-000000000002"), "8091", null, null },
                    { new Guid("2ac31919-3c8d-f138-1988-3ad5cb22c4b1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000001"), "791", null, null },
                    { new Guid("2dc21ebb-b2cb-a908-ee2c-cdd8e3b682ac"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contrepartie des engagements donnés", new Guid("0193a000-0000-7000-8000-000000000001"), "8091", null, null },
                    { new Guid("2de2c815-207b-e59f-9809-ef4c959e83ae"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - factures non parvenues", new Guid("0193a000-0000-7000-8000-000000000001"), "408", null, null },
                    { new Guid("2ed2039a-5323-0ba5-7e1c-2085c1007613"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prélèvement à la source", new Guid("0193a000-0000-7000-8000-000000000002"), "4421", null, null },
                    { new Guid("3738b6c2-08be-c50e-1dff-c0f58bf8849e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Services bancaires et assimilés", new Guid("0193a000-0000-7000-8000-000000000003"), "627", null, null },
                    { new Guid("38754f4a-fc1b-e57a-1f62-6d1bf82f7b24"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde créditeur)", new Guid("0193a000-0000-7000-8000-000000000003"), "110", null, null },
                    { new Guid("3bf18aba-c9ad-7181-9d1d-fe9cbb20b397"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients - avances et acomptes reçus", new Guid("0193a000-0000-7000-8000-000000000002"), "4191", null, null },
                    { new Guid("3ed63b53-ca00-5fb4-3f67-e3f439179554"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Honoraires", new Guid("0193a000-0000-7000-8000-000000000002"), "6226", null, null },
                    { new Guid("414dd5b6-edcf-b38d-fb26-c3b15afd0744"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres comptes débiteurs ou créditeurs", new Guid("0193a000-0000-7000-8000-000000000001"), "467", null, null },
                    { new Guid("41e74241-3b39-217f-a6ef-1d444d066dbd"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur autres biens et services", new Guid("0193a000-0000-7000-8000-000000000001"), "44566", null, null },
                    { new Guid("43cc4ce1-6c53-444e-2122-00bfb9548469"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA à décaisser", new Guid("0193a000-0000-7000-8000-000000000003"), "44551", null, null },
                    { new Guid("492c622b-7201-fc4a-0ec6-5a749956c7b2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - appelé, versé", new Guid("0193a000-0000-7000-8000-000000000001"), "1013", null, null },
                    { new Guid("4b26e9e3-cf91-8b40-365d-352a6d19a20c"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prélèvement à la source", new Guid("0193a000-0000-7000-8000-000000000003"), "4421", null, null },
                    { new Guid("4c79ba64-db74-de9c-4812-d3d8a5731c3b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Rémunérations du personnel", new Guid("0193a000-0000-7000-8000-000000000003"), "641", null, null },
                    { new Guid("51d59368-ad26-8972-0f7f-25816a1bc102"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA à décaisser", new Guid("0193a000-0000-7000-8000-000000000001"), "44551", null, null },
                    { new Guid("51eaa158-9e2c-8966-dd0e-69dffa14800f"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres organismes sociaux", new Guid("0193a000-0000-7000-8000-000000000002"), "437", null, null },
                    { new Guid("582e9010-39a1-fa0d-e88a-a16da028ab02"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Services bancaires et assimilés", new Guid("0193a000-0000-7000-8000-000000000001"), "627", null, null },
                    { new Guid("5a09d5dd-cd3e-994c-5805-1f18549a277a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA collectée", new Guid("0193a000-0000-7000-8000-000000000002"), "44571", null, null },
                    { new Guid("5b855d4d-2d54-4ed4-252c-3889672d0d36"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prestations de services", new Guid("0193a000-0000-7000-8000-000000000001"), "706", null, null },
                    { new Guid("5d7930a2-2c8f-07b4-5885-f8e21e9740e6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Virements internes", new Guid("0193a000-0000-7000-8000-000000000003"), "580", null, null },
                    { new Guid("60c0202e-ddbc-380c-d654-2629fca8cb01"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - appelé, versé", new Guid("0193a000-0000-7000-8000-000000000002"), "1013", null, null },
                    { new Guid("61159f48-5427-1c92-1236-e10aa0ae8e3e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Honoraires", new Guid("0193a000-0000-7000-8000-000000000003"), "6226", null, null },
                    { new Guid("64810a12-808c-dbf2-60cc-4f0a826eb045"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres comptes débiteurs ou créditeurs", new Guid("0193a000-0000-7000-8000-000000000002"), "467", null, null },
                    { new Guid("692a8b69-c631-1eca-ff5c-db4faa1f0a4d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Engagements donnés - contrats signés", new Guid("0193a000-0000-7000-8000-000000000003"), "8011", null, null },
                    { new Guid("6ae67064-0e15-401a-6310-4503f19c1c13"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Engagements donnés - contrats signés", new Guid("0193a000-0000-7000-8000-000000000002"), "8011", null, null },
                    { new Guid("715bfa04-1952-e68d-1562-924f4d9da6b7"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Rémunérations du personnel", new Guid("0193a000-0000-7000-8000-000000000002"), "641", null, null },
                    { new Guid("72bac068-a75b-5027-3a53-9c12542b888e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients - avances et acomptes reçus", new Guid("0193a000-0000-7000-8000-000000000003"), "4191", null, null },
                    { new Guid("737049a2-4172-094d-0af5-0a53c68466b1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Services bancaires et assimilés", new Guid("0193a000-0000-7000-8000-000000000002"), "627", null, null },
                    { new Guid("763e8cf1-ea36-524a-f935-e277f8430c1c"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Achats non stockés de matières et fournitures", new Guid("0193a000-0000-7000-8000-000000000003"), "606", null, null },
                    { new Guid("7aa5f255-204e-2d1b-7bcd-81ca82a6e8af"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients - avances et acomptes reçus", new Guid("0193a000-0000-7000-8000-000000000001"), "4191", null, null },
                    { new Guid("7aeadd72-b655-8f3c-5b4d-7bd9e079e85b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Banque", new Guid("0193a000-0000-7000-8000-000000000001"), "512", null, null },
                    { new Guid("7b0f58ca-5f23-06d2-315e-5bbb439600b2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Pertes sur créances irrécouvrables", new Guid("0193a000-0000-7000-8000-000000000001"), "654", null, null },
                    { new Guid("7be9c49d-f903-015f-54c6-780fbcb3cc42"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres organismes sociaux", new Guid("0193a000-0000-7000-8000-000000000003"), "437", null, null },
                    { new Guid("7d173fe6-218d-766d-26ed-50bf71558d1e"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur autres biens et services", new Guid("0193a000-0000-7000-8000-000000000003"), "44566", null, null },
                    { new Guid("85ce2ecf-64d2-ae63-05a3-4e641401cf2b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contrepartie des engagements donnés", new Guid("0193a000-0000-7000-8000-000000000003"), "8091", null, null },
                    { new Guid("870d0847-46a0-d0b3-3c33-270682a2b61b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sécurité sociale", new Guid("0193a000-0000-7000-8000-000000000001"), "431", null, null },
                    { new Guid("8749a957-e21e-0dce-06e0-07a3da371cbf"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Honoraires", new Guid("0193a000-0000-7000-8000-000000000001"), "6226", null, null },
                    { new Guid("8b1ba602-afc6-3659-d21e-a98f7144d244"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Charges de sécurité sociale et de prévoyance", new Guid("0193a000-0000-7000-8000-000000000001"), "645", null, null },
                    { new Guid("916005f8-fa34-3a4e-973b-db0efce2daa0"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - appelé, versé", new Guid("0193a000-0000-7000-8000-000000000003"), "1013", null, null },
                    { new Guid("92ae2f6d-4fa5-9164-4719-ab3ab94148fa"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Compte d'attente", new Guid("0193a000-0000-7000-8000-000000000003"), "471", null, null },
                    { new Guid("979501a1-7a2c-57d9-21ae-6bcc59327eaf"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA déductible sur autres biens et services", new Guid("0193a000-0000-7000-8000-000000000002"), "44566", null, null },
                    { new Guid("98b51399-99e0-2b5b-8278-cde7bdddd4eb"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Virements internes", new Guid("0193a000-0000-7000-8000-000000000002"), "580", null, null },
                    { new Guid("992f2edf-9f4d-d720-c81b-904835235fd6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Charges de sécurité sociale et de prévoyance", new Guid("0193a000-0000-7000-8000-000000000003"), "645", null, null },
                    { new Guid("9c04f034-c0c6-60e0-18db-af95aa703b15"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Pertes sur créances irrécouvrables", new Guid("0193a000-0000-7000-8000-000000000002"), "654", null, null },
                    { new Guid("9d19c23e-1772-2445-35ae-24d4ce34d6b1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fonds de garantie des membres", new Guid("0193a000-0000-7000-8000-000000000001"), "4671", null, null },
                    { new Guid("a3bd5766-cd5f-d34d-c63c-2815442ed06a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients douteux ou litigieux", new Guid("0193a000-0000-7000-8000-000000000002"), "416", null, null },
                    { new Guid("a5850a95-0b0d-9577-a6da-ed68e459d938"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Personnel - rémunérations dues", new Guid("0193a000-0000-7000-8000-000000000003"), "421", null, null },
                    { new Guid("a73c0444-41fe-682e-c44a-244df730b02f"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs", new Guid("0193a000-0000-7000-8000-000000000001"), "401", null, null },
                    { new Guid("ab75688e-d616-5034-3475-75a36e2b17b9"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde créditeur)", new Guid("0193a000-0000-7000-8000-000000000001"), "110", null, null },
                    { new Guid("ac8c447a-3f59-96d2-8058-253a22f4d962"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA à décaisser", new Guid("0193a000-0000-7000-8000-000000000002"), "44551", null, null },
                    { new Guid("ade31ba0-7d58-e4b0-5605-eb4a7f1a21e2"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "TVA collectée", new Guid("0193a000-0000-7000-8000-000000000001"), "44571", null, null },
                    { new Guid("afac276b-5ddb-3a46-7191-ad6d9bdd32db"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Compte d'attente", new Guid("0193a000-0000-7000-8000-000000000002"), "471", null, null },
                    { new Guid("b3dba704-6313-7018-a3ae-a7c86a64b6b1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Prestations de services", new Guid("0193a000-0000-7000-8000-000000000003"), "706", null, null },
                    { new Guid("b823cd47-91de-7230-83a6-da16d8fd152b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs", new Guid("0193a000-0000-7000-8000-000000000003"), "401", null, null },
                    { new Guid("b8b06bff-4d7d-9fd8-37bb-008d14ac6986"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations diverses", new Guid("0193a000-0000-7000-8000-000000000003"), "7083", null, null },
                    { new Guid("b99382ec-0604-11c0-3d33-5dbd785c9233"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients douteux ou litigieux", new Guid("0193a000-0000-7000-8000-000000000003"), "416", null, null },
                    { new Guid("ba35efbc-a593-93f8-f580-b56e6dcaa812"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde créditeur)", new Guid("0193a000-0000-7000-8000-000000000002"), "110", null, null },
                    { new Guid("bc7bd439-8aa9-df09-bf3e-7eab4998ed41"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients", new Guid("0193a000-0000-7000-8000-000000000002"), "411", null, null },
                    { new Guid("be9b733d-7b65-8d1a-669c-0c828da90b33"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Personnel - rémunérations dues", new Guid("0193a000-0000-7000-8000-000000000002"), "421", null, null },
                    { new Guid("bef391e4-f69f-8da5-417c-fed31a8acbbe"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Virements internes", new Guid("0193a000-0000-7000-8000-000000000001"), "580", null, null },
                    { new Guid("bf91ddf7-7377-da63-11c8-cce09d452488"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Achats non stockés de matières et fournitures", new Guid("0193a000-0000-7000-8000-000000000002"), "606", null, null },
                    { new Guid("c024dbd1-4976-adc1-3cde-758d3fa64c92"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Locations diverses", new Guid("0193a000-0000-7000-8000-000000000002"), "7083", null, null },
                    { new Guid("c0e3237a-9b88-f91f-fd09-2795bf57ea65"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Compte d'attente", new Guid("0193a000-0000-7000-8000-000000000001"), "471", null, null },
                    { new Guid("c1affa11-a23b-64f4-c9a4-6e3d3a02d7db"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs - factures non parvenues", new Guid("0193a000-0000-7000-8000-000000000003"), "408", null, null },
                    { new Guid("c717b92d-220d-746b-7f6d-f0396c57f9f0"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Rémunérations du personnel", new Guid("0193a000-0000-7000-8000-000000000001"), "641", null, null },
                    { new Guid("c8cbc38d-b6e2-6577-18a7-b30829af2cee"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des activités annexes", new Guid("0193a000-0000-7000-8000-000000000002"), "708", null, null },
                    { new Guid("c8d978fc-b71a-2ff9-33a9-838bd0259e33"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Réserves", new Guid("0193a000-0000-7000-8000-000000000001"), "106", null, null },
                    { new Guid("d05e2485-5410-5127-d426-bc7f543a069d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contribution coopérative", new Guid("0193a000-0000-7000-8000-000000000001"), "7062", null, null },
                    { new Guid("d18979cf-6dbe-1824-d1a8-c2e84a4839d8"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients", new Guid("0193a000-0000-7000-8000-000000000003"), "411", null, null },
                    { new Guid("d1eeea15-7137-895c-94db-6d3fde54c945"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Banque", new Guid("0193a000-0000-7000-8000-000000000003"), "512", null, null },
                    { new Guid("d231c7ee-20db-8fdb-3046-27ebdeb8be7b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Personnel - rémunérations dues", new Guid("0193a000-0000-7000-8000-000000000001"), "421", null, null },
                    { new Guid("d297b275-ebf9-d4d9-75b2-583e2b30066d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des activités annexes", new Guid("0193a000-0000-7000-8000-000000000003"), "708", null, null },
                    { new Guid("d7fa6723-ce00-0dc5-7e66-3502ea047902"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Produits des activités annexes", new Guid("0193a000-0000-7000-8000-000000000001"), "708", null, null },
                    { new Guid("d92c04ae-1d41-693a-3082-bc904346d65d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sécurité sociale", new Guid("0193a000-0000-7000-8000-000000000002"), "431", null, null },
                    { new Guid("da352a0c-9af6-2fe2-0bba-39623f1f8ed7"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - comptes courants", new Guid("0193a000-0000-7000-8000-000000000002"), "455", null, null },
                    { new Guid("e2016ffc-9980-10a6-2ce7-78ad9ab11456"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres organismes sociaux", new Guid("0193a000-0000-7000-8000-000000000001"), "437", null, null },
                    { new Guid("e2960041-ce95-7fb7-e2a2-c8eaa3ddc82b"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Banque", new Guid("0193a000-0000-7000-8000-000000000002"), "512", null, null },
                    { new Guid("e4b7b0a3-4555-d58d-21fc-12d12fdae862"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - comptes courants", new Guid("0193a000-0000-7000-8000-000000000001"), "455", null, null },
                    { new Guid("e5e2ff99-2c90-5ab4-d20c-819e9ca7bc3d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Report à nouveau (solde débiteur)", new Guid("0193a000-0000-7000-8000-000000000003"), "119", null, null },
                    { new Guid("e866e5a7-56ce-e3c0-d061-fa9fe31e916a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Autres comptes débiteurs ou créditeurs", new Guid("0193a000-0000-7000-8000-000000000003"), "467", null, null },
                    { new Guid("ed0fb9ab-d1c9-5e5d-2dda-a9857fc02bb9"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Dotations aux dépréciations des actifs circulants", new Guid("0193a000-0000-7000-8000-000000000002"), "6817", null, null },
                    { new Guid("ed8040ed-bfb5-e354-3b11-008faba1a639"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Contribution coopérative", new Guid("0193a000-0000-7000-8000-000000000002"), "7062", null, null },
                    { new Guid("f37fcddc-6b64-642e-a65c-ae40c9fa3df6"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Transferts de charges d'exploitation", new Guid("0193a000-0000-7000-8000-000000000002"), "791", null, null },
                    { new Guid("f3ed6986-ac97-1064-b9fb-0ebdc41a31d1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Sécurité sociale", new Guid("0193a000-0000-7000-8000-000000000003"), "431", null, null },
                    { new Guid("f64f1046-630c-4f5b-75e5-e696ea8a9084"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Achats non stockés de matières et fournitures", new Guid("0193a000-0000-7000-8000-000000000001"), "606", null, null },
                    { new Guid("f7f6660b-164f-b1c6-1b8a-8c6b90d93805"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fournisseurs", new Guid("0193a000-0000-7000-8000-000000000002"), "401", null, null },
                    { new Guid("fa1bf243-e19f-b37f-baf0-1f7c3bf533a1"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Fonds de garantie des membres", new Guid("0193a000-0000-7000-8000-000000000003"), "4671", null, null },
                    { new Guid("fd4395a7-61e9-9caa-4d44-73d02eb70665"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Clients", new Guid("0193a000-0000-7000-8000-000000000001"), "411", null, null }
                });

            migrationBuilder.InsertData(
                table: "ledger_journals",
                columns: new[] { "code", "legal_entity_id", "label" },
                values: new object[,]
                {
                    { "AC", new Guid("0193a000-0000-7000-8000-000000000001"), "Achats" },
                    { "AN", new Guid("0193a000-0000-7000-8000-000000000001"), "À-nouveaux" },
                    { "BQ", new Guid("0193a000-0000-7000-8000-000000000001"), "Banque" },
                    { "OD", new Guid("0193a000-0000-7000-8000-000000000001"), "Opérations diverses" },
                    { "PA", new Guid("0193a000-0000-7000-8000-000000000001"), "Paie" },
                    { "VT", new Guid("0193a000-0000-7000-8000-000000000001"), "Ventes" },
                    { "AC", new Guid("0193a000-0000-7000-8000-000000000002"), "Achats" },
                    { "AN", new Guid("0193a000-0000-7000-8000-000000000002"), "À-nouveaux" },
                    { "BQ", new Guid("0193a000-0000-7000-8000-000000000002"), "Banque" },
                    { "OD", new Guid("0193a000-0000-7000-8000-000000000002"), "Opérations diverses" },
                    { "PA", new Guid("0193a000-0000-7000-8000-000000000002"), "Paie" },
                    { "VT", new Guid("0193a000-0000-7000-8000-000000000002"), "Ventes" },
                    { "AC", new Guid("0193a000-0000-7000-8000-000000000003"), "Achats" },
                    { "AN", new Guid("0193a000-0000-7000-8000-000000000003"), "À-nouveaux" },
                    { "BQ", new Guid("0193a000-0000-7000-8000-000000000003"), "Banque" },
                    { "OD", new Guid("0193a000-0000-7000-8000-000000000003"), "Opérations diverses" },
                    { "PA", new Guid("0193a000-0000-7000-8000-000000000003"), "Paie" },
                    { "VT", new Guid("0193a000-0000-7000-8000-000000000003"), "Ventes" }
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

            migrationBuilder.InsertData(
                table: "ledger_fee_rules",
                columns: new[] { "id", "cap_per_document_cents", "created_at", "created_by", "fixed_monthly_cents", "legal_entity_id", "module_code", "rate_percent", "valid_from" },
                values: new object[,]
                {
                    { new Guid("5b30a3b5-f262-5ab1-66c4-781ca7e39dca"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000001"), "AUDIOVISUEL", 6.5m, new DateOnly(2026, 1, 1) },
                    { new Guid("5f62f93c-d05d-227d-35a9-ada941e2fde3"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000003"), "SPECTACLES", 6.5m, new DateOnly(2026, 1, 1) },
                    { new Guid("757f83d4-1ce7-3881-e06d-ef0d45bdf255"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000001"), "PROJETS", 6.5m, new DateOnly(2026, 1, 1) },
                    { new Guid("c9321531-c188-1117-6652-04a3de3323a1"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000002"), "SPECTACLES", 6.5m, new DateOnly(2026, 1, 1) },
                    { new Guid("cfcb12d3-2113-8cdc-9036-2358dc21dff7"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000001"), "GESTION_CONTRATS", 6.5m, new DateOnly(2026, 1, 1) },
                    { new Guid("fcb46d8b-fb09-c035-cf1f-e8e28c69046b"), null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "référence", null, new Guid("0193a000-0000-7000-8000-000000000003"), "PROJETS", 6.5m, new DateOnly(2026, 1, 1) }
                });

            migrationBuilder.InsertData(
                table: "ledger_fee_shares",
                columns: new[] { "fee_rule_id", "position", "account_number", "label", "points" },
                values: new object[,]
                {
                    { new Guid("5b30a3b5-f262-5ab1-66c4-781ca7e39dca"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("5b30a3b5-f262-5ab1-66c4-781ca7e39dca"), 2, "7062", "Fonctionnement", 4.5m },
                    { new Guid("5f62f93c-d05d-227d-35a9-ada941e2fde3"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("5f62f93c-d05d-227d-35a9-ada941e2fde3"), 2, "7062", "Fonctionnement", 4.5m },
                    { new Guid("757f83d4-1ce7-3881-e06d-ef0d45bdf255"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("757f83d4-1ce7-3881-e06d-ef0d45bdf255"), 2, "7062", "Fonctionnement", 4.5m },
                    { new Guid("c9321531-c188-1117-6652-04a3de3323a1"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("c9321531-c188-1117-6652-04a3de3323a1"), 2, "7062", "Fonctionnement", 4.5m },
                    { new Guid("cfcb12d3-2113-8cdc-9036-2358dc21dff7"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("cfcb12d3-2113-8cdc-9036-2358dc21dff7"), 2, "7062", "Fonctionnement", 4.5m },
                    { new Guid("fcb46d8b-fb09-c035-cf1f-e8e28c69046b"), 1, "4671", "Fonds de garantie", 2m },
                    { new Guid("fcb46d8b-fb09-c035-cf1f-e8e28c69046b"), 2, "7062", "Fonctionnement", 4.5m }
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
                name: "ix_bank_statement_lines_statement_id",
                table: "bank_statement_lines",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_bank_statement_lines_status_booking_date",
                table: "bank_statement_lines",
                columns: new[] { "status", "booking_date" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_statements_legal_entity_id_statement_id",
                table: "bank_statements",
                columns: new[] { "legal_entity_id", "statement_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_client_contacts_client_id",
                table: "client_contacts",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_clients_search_key",
                table: "clients",
                column: "search_key");

            migrationBuilder.CreateIndex(
                name: "ix_clients_siren",
                table: "clients",
                column: "siren",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clients_vat_number",
                table: "clients",
                column: "vat_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dunning_steps_invoice_id_step",
                table: "dunning_steps",
                columns: new[] { "invoice_id", "step" },
                unique: true);

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
                name: "ix_employer_invoices_credited_invoice_id",
                table: "employer_invoices",
                column: "credited_invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_employer_id_period",
                table: "employer_invoices",
                columns: new[] { "employer_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_number",
                table: "employer_invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_mandates_employer_id_signed_on",
                table: "employer_mandates",
                columns: new[] { "employer_id", "signed_on" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_guarantee_covers_invoice_id",
                table: "guarantee_covers",
                column: "invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_invoice_id",
                table: "invoice_lines",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_payments_invoice_id",
                table: "invoice_payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_activity_id_status",
                table: "invoices",
                columns: new[] { "activity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_client_id",
                table: "invoices",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_credited_invoice_id",
                table: "invoices",
                column: "credited_invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_legal_entity_id_number",
                table: "invoices",
                columns: new[] { "legal_entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_office_id_status",
                table: "invoices",
                columns: new[] { "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_payment_reference",
                table: "invoices",
                column: "payment_reference");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_legal_entity_id_number_auxiliary_code",
                table: "ledger_accounts",
                columns: new[] { "legal_entity_id", "number", "auxiliary_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_owner_type_owner_id",
                table: "ledger_accounts",
                columns: new[] { "owner_type", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_fiscal_year_id",
                table: "ledger_entries",
                column: "fiscal_year_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_idempotency_key",
                table: "ledger_entries",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_legal_entity_id_accounting_date",
                table: "ledger_entries",
                columns: new[] { "legal_entity_id", "accounting_date" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_legal_entity_id_journal_code_fiscal_year_id_number",
                table: "ledger_entries",
                columns: new[] { "legal_entity_id", "journal_code", "fiscal_year_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_reverses_entry_id",
                table: "ledger_entries",
                column: "reverses_entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_source_type_source_id",
                table: "ledger_entries",
                columns: new[] { "source_type", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_fee_rules_legal_entity_id_module_code_valid_from",
                table: "ledger_fee_rules",
                columns: new[] { "legal_entity_id", "module_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_fiscal_years_legal_entity_id_starts_on",
                table: "ledger_fiscal_years",
                columns: new[] { "legal_entity_id", "starts_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_lettered_postings_lettering_id",
                table: "ledger_lettered_postings",
                column: "lettering_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_letterings_legal_entity_id_code",
                table: "ledger_letterings",
                columns: new[] { "legal_entity_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_account_id_entry_id",
                table: "ledger_postings",
                columns: new[] { "account_id", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_activity_id_accounting_date_entry_id_line_number",
                table: "ledger_postings",
                columns: new[] { "activity_id", "accounting_date", "entry_id", "line_number" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_entry_id_line_number",
                table: "ledger_postings",
                columns: new[] { "entry_id", "line_number" },
                unique: true);

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
                name: "ix_members_last_name_first_name_number",
                table: "members",
                columns: new[] { "last_name", "first_name", "number" });

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
                name: "ix_outbox_messages_claimed_by",
                table: "outbox_messages",
                column: "claimed_by");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at_created_at",
                table: "outbox_messages",
                columns: new[] { "sent_at", "created_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_payroll_notified_tax_rates_member_id_from",
                table: "payroll_notified_tax_rates",
                columns: new[] { "member_id", "from" },
                unique: true);

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
                name: "ix_payroll_payslips_job_id_period",
                table: "payroll_payslips",
                columns: new[] { "job_id", "period" },
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

            migrationBuilder.CreateIndex(
                name: "ix_payroll_settings_code_from",
                table: "payroll_settings",
                columns: new[] { "code", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_licences_legal_entity_id_category_valid_until",
                table: "performance_licences",
                columns: new[] { "legal_entity_id", "category", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_activity_id",
                table: "quotes",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_client_id",
                table: "quotes",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_legal_entity_id_number",
                table: "quotes",
                columns: new[] { "legal_entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quotes_member_id_status",
                table: "quotes",
                columns: new[] { "member_id", "status" });

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
                name: "ix_scheduled_job_runs_job_started_at",
                table: "scheduled_job_runs",
                columns: new[] { "job", "started_at" });

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

            // Posted entries are never updated or deleted: corrections are reversing entries
            // (docs/adr/0005-ledger.md). The database refuses it even to a hand-written statement,
            // and refuses a posting above the application's bound (Money.MaxCents).
            foreach (var table in new[] { "ledger_entries", "ledger_postings" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'ledger: {table} are immutable, post a reversing entry'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, 'ledger: {table} are immutable, post a reversing entry'); END;");
            }

            migrationBuilder.Sql("CREATE TRIGGER ledger_postings_amount_bound BEFORE INSERT ON ledger_postings WHEN NEW.amount > 100000000000 BEGIN SELECT RAISE(ABORT, 'ledger: a posting above 1,000,000,000.00 EUR is refused'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ledger_entries_no_update", "ledger_entries_no_delete", "ledger_postings_no_update", "ledger_postings_no_delete", "ledger_postings_amount_bound" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "bank_statement_lines");

            migrationBuilder.DropTable(
                name: "client_contacts");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dunning_steps");

            migrationBuilder.DropTable(
                name: "employer_invoices");

            migrationBuilder.DropTable(
                name: "employer_mandates");

            migrationBuilder.DropTable(
                name: "employer_payslips");

            migrationBuilder.DropTable(
                name: "employer_users");

            migrationBuilder.DropTable(
                name: "guarantee_covers");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "invoice_payments");

            migrationBuilder.DropTable(
                name: "ledger_closed_periods");

            migrationBuilder.DropTable(
                name: "ledger_fee_shares");

            migrationBuilder.DropTable(
                name: "ledger_lettered_postings");

            migrationBuilder.DropTable(
                name: "number_series");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "payroll_minimum_rates");

            migrationBuilder.DropTable(
                name: "payroll_notified_tax_rates");

            migrationBuilder.DropTable(
                name: "payroll_payment_batches");

            migrationBuilder.DropTable(
                name: "payroll_payslips");

            migrationBuilder.DropTable(
                name: "payroll_settings");

            migrationBuilder.DropTable(
                name: "performance_licences");

            migrationBuilder.DropTable(
                name: "quotes");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "scheduled_job_runs");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "vat_rules");

            migrationBuilder.DropTable(
                name: "bank_statements");

            migrationBuilder.DropTable(
                name: "employer_contracts");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "ledger_fee_rules");

            migrationBuilder.DropTable(
                name: "ledger_letterings");

            migrationBuilder.DropTable(
                name: "ledger_postings");

            migrationBuilder.DropTable(
                name: "payroll_jobs");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "employer_staff");

            migrationBuilder.DropTable(
                name: "clients");

            migrationBuilder.DropTable(
                name: "offered_modules");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "employers");

            migrationBuilder.DropTable(
                name: "ledger_fiscal_years");

            migrationBuilder.DropTable(
                name: "ledger_journals");

            migrationBuilder.DropTable(
                name: "business_modules");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "legal_entities");

            migrationBuilder.DropTable(
                name: "activity_managers");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "offices");
        }
    }
}
