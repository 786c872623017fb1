using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExpenseNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "expense_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    vat_cents = table.Column<long>(type: "bigint", nullable: false),
                    kilometres = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: true),
                    fiscal_power = table.Column<int>(type: "integer", nullable: true),
                    electric = table.Column<bool>(type: "boolean", nullable: false),
                    receipt_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    receipt_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    receipt_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_expense_notes_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expense_notes_legal_entities_legal_entity_id",
                        column: x => x.legal_entity_id,
                        principalTable: "legal_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_activity_id",
                table: "expense_notes",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_legal_entity_id",
                table: "expense_notes",
                column: "legal_entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_member_id_date",
                table: "expense_notes",
                columns: new[] { "member_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_number",
                table: "expense_notes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_office_id",
                table: "expense_notes",
                column: "office_id");

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_status_payment_batch_id",
                table: "expense_notes",
                columns: new[] { "status", "payment_batch_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expense_notes");
        }
    }
}
