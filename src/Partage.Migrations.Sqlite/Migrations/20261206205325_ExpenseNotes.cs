using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    office_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    vat_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    kilometres = table.Column<decimal>(type: "TEXT", precision: 9, scale: 1, nullable: true),
                    fiscal_power = table.Column<int>(type: "INTEGER", nullable: true),
                    electric = table.Column<bool>(type: "INTEGER", nullable: false),
                    receipt_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    receipt_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    receipt_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payment_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
