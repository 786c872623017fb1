using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExpenseAllowances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "allowance",
                table: "expense_notes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "allowance_count",
                table: "expense_notes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_number",
                table: "expense_notes",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_expense_notes_job_number",
                table: "expense_notes",
                column: "job_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_expense_notes_job_number",
                table: "expense_notes");

            migrationBuilder.DropColumn(
                name: "allowance",
                table: "expense_notes");

            migrationBuilder.DropColumn(
                name: "allowance_count",
                table: "expense_notes");

            migrationBuilder.DropColumn(
                name: "job_number",
                table: "expense_notes");
        }
    }
}
