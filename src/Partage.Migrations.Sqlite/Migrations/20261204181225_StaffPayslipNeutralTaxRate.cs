using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffPayslipNeutralTaxRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "neutral_tax_rate",
                table: "employer_payslips",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Every staff payslip so far was withheld at the neutral rate (employers' staff have no notified rate yet).
            migrationBuilder.Sql("UPDATE employer_payslips SET neutral_tax_rate = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "neutral_tax_rate",
                table: "employer_payslips");
        }
    }
}
