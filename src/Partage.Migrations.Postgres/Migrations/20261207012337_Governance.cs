using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "deduction_cents",
                table: "payroll_payslips",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "deduction_label",
                table: "payroll_payslips",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "governance_assemblies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    kind = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    call = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    meeting_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    voting_opens_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    voting_closes_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    convened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    convened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    roll_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assemblies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_shareholders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    category = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_shares = table.Column<int>(type: "integer", nullable: false),
                    pays_by_deduction = table.Column<bool>(type: "boolean", nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    leave_reason = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    leave_decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_shareholders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_assembly_voters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shareholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    college = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    proxy_holder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cast_by = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    receipt_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assembly_voters", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assembly_voters_governance_assemblies_assembly_id",
                        column: x => x.assembly_id,
                        principalTable: "governance_assemblies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_resolutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    kind = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    secret = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_resolutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_resolutions_governance_assemblies_assembly_id",
                        column: x => x.assembly_id,
                        principalTable: "governance_assemblies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_category_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    shareholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_category_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_category_changes_governance_shareholders_shareho",
                        column: x => x.shareholder_id,
                        principalTable: "governance_shareholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_share_deductions",
                columns: table => new
                {
                    payslip_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shareholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    pay_day = table.Column<DateOnly>(type: "date", nullable: false),
                    movement_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_share_deductions", x => x.payslip_id);
                    table.ForeignKey(
                        name: "fk_governance_share_deductions_governance_shareholders_shareho",
                        column: x => x.shareholder_id,
                        principalTable: "governance_shareholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_share_movements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    shareholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    shares = table.Column<int>(type: "integer", nullable: false),
                    subscribed_cents = table.Column<long>(type: "bigint", nullable: false),
                    paid_cents = table.Column<long>(type: "bigint", nullable: false),
                    means = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    payslip_id = table.Column<Guid>(type: "uuid", nullable: true),
                    counterpart_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_share_movements", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_share_movements_governance_shareholders_sharehol",
                        column: x => x.shareholder_id,
                        principalTable: "governance_shareholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_ballot_counts",
                columns: table => new
                {
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    college = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    choice = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_ballot_counts", x => new { x.resolution_id, x.college, x.choice });
                    table.ForeignKey(
                        name: "fk_governance_ballot_counts_governance_resolutions_resolution_",
                        column: x => x.resolution_id,
                        principalTable: "governance_resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_open_votes",
                columns: table => new
                {
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shareholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_open_votes", x => new { x.resolution_id, x.shareholder_id });
                    table.ForeignKey(
                        name: "fk_governance_open_votes_governance_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "governance_resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ledger_accounts",
                columns: new[] { "id", "auxiliary_code", "auxiliary_label", "created_at", "label", "legal_entity_id", "number", "owner_id", "owner_type" },
                values: new object[,]
                {
                    { new Guid("08ec9b9b-1a93-4afb-a63c-d6090503fad7"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital souscrit non appelé", new Guid("0193a000-0000-7000-8000-000000000001"), "109", null, null },
                    { new Guid("223980f4-cfb4-f20b-134f-617e680df34d"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - non appelé", new Guid("0193a000-0000-7000-8000-000000000001"), "1011", null, null },
                    { new Guid("233526e4-8252-8ecf-6794-43df1516a73a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital souscrit non appelé", new Guid("0193a000-0000-7000-8000-000000000003"), "109", null, null },
                    { new Guid("3a59ea70-4c2c-379a-74a2-248a39c884a4"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - non appelé", new Guid("0193a000-0000-7000-8000-000000000002"), "1011", null, null },
                    { new Guid("8664ac14-c06d-3c58-e5d3-5c339fbee190"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital à rembourser", new Guid("0193a000-0000-7000-8000-000000000002"), "4567", null, null },
                    { new Guid("a3580dc9-0bbe-c69c-be4a-d84a9219f17a"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital souscrit non appelé", new Guid("0193a000-0000-7000-8000-000000000002"), "109", null, null },
                    { new Guid("afaa09ae-7f99-73f5-a3a5-3a7706a624de"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital à rembourser", new Guid("0193a000-0000-7000-8000-000000000001"), "4567", null, null },
                    { new Guid("c336f259-6d65-76de-d1ff-6a2274787465"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Capital souscrit - non appelé", new Guid("0193a000-0000-7000-8000-000000000003"), "1011", null, null },
                    { new Guid("e1c09672-59b5-e05a-4765-511bbe371717"), null, null, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Associés - capital à rembourser", new Guid("0193a000-0000-7000-8000-000000000003"), "4567", null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assemblies_legal_entity_id_meeting_at",
                table: "governance_assemblies",
                columns: new[] { "legal_entity_id", "meeting_at" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assemblies_number",
                table: "governance_assemblies",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_assembly_voters_assembly_id_proxy_holder_id",
                table: "governance_assembly_voters",
                columns: new[] { "assembly_id", "proxy_holder_id" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assembly_voters_assembly_id_shareholder_id",
                table: "governance_assembly_voters",
                columns: new[] { "assembly_id", "shareholder_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_assembly_voters_member_id",
                table: "governance_assembly_voters",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_category_changes_shareholder_id_from",
                table: "governance_category_changes",
                columns: new[] { "shareholder_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_resolutions_assembly_id_number",
                table: "governance_resolutions",
                columns: new[] { "assembly_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_share_deductions_shareholder_id",
                table: "governance_share_deductions",
                column: "shareholder_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_share_movements_legal_entity_id_number",
                table: "governance_share_movements",
                columns: new[] { "legal_entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_share_movements_legal_entity_id_on",
                table: "governance_share_movements",
                columns: new[] { "legal_entity_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_share_movements_payslip_id",
                table: "governance_share_movements",
                column: "payslip_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_share_movements_shareholder_id_on",
                table: "governance_share_movements",
                columns: new[] { "shareholder_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_shareholders_legal_entity_id_member_id",
                table: "governance_shareholders",
                columns: new[] { "legal_entity_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_shareholders_legal_entity_id_number",
                table: "governance_shareholders",
                columns: new[] { "legal_entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_shareholders_legal_entity_id_status_category",
                table: "governance_shareholders",
                columns: new[] { "legal_entity_id", "status", "category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_assembly_voters");

            migrationBuilder.DropTable(
                name: "governance_ballot_counts");

            migrationBuilder.DropTable(
                name: "governance_category_changes");

            migrationBuilder.DropTable(
                name: "governance_open_votes");

            migrationBuilder.DropTable(
                name: "governance_share_deductions");

            migrationBuilder.DropTable(
                name: "governance_share_movements");

            migrationBuilder.DropTable(
                name: "governance_resolutions");

            migrationBuilder.DropTable(
                name: "governance_shareholders");

            migrationBuilder.DropTable(
                name: "governance_assemblies");

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("08ec9b9b-1a93-4afb-a63c-d6090503fad7"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("223980f4-cfb4-f20b-134f-617e680df34d"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("233526e4-8252-8ecf-6794-43df1516a73a"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("3a59ea70-4c2c-379a-74a2-248a39c884a4"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("8664ac14-c06d-3c58-e5d3-5c339fbee190"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("a3580dc9-0bbe-c69c-be4a-d84a9219f17a"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("afaa09ae-7f99-73f5-a3a5-3a7706a624de"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("c336f259-6d65-76de-d1ff-6a2274787465"));

            migrationBuilder.DeleteData(
                table: "ledger_accounts",
                keyColumn: "id",
                keyValue: new Guid("e1c09672-59b5-e05a-4765-511bbe371717"));

            migrationBuilder.DropColumn(
                name: "deduction_cents",
                table: "payroll_payslips");

            migrationBuilder.DropColumn(
                name: "deduction_label",
                table: "payroll_payslips");
        }
    }
}
