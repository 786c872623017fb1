using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The database refuses a posting above 1,000,000,000.00 € (Money.MaxCents), the bound the
    /// application checks where amounts enter: so no sum of the books can overflow.
    /// </summary>
    public partial class LedgerAmountBound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE ledger_postings ADD CONSTRAINT ck_ledger_postings_amount_bound CHECK (amount <= 100000000000);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE ledger_postings DROP CONSTRAINT ck_ledger_postings_amount_bound;");
        }
    }
}
