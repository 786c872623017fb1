using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The database refuses a posting above 1,000,000,000.00 € (Money.MaxCents), the bound the
    /// application checks where amounts enter: so no sum of the books can overflow. A trigger on
    /// SQLite, since adding a CHECK would rebuild the table and drop its immutability triggers.
    /// </summary>
    public partial class LedgerAmountBound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TRIGGER ledger_postings_amount_bound BEFORE INSERT ON ledger_postings WHEN NEW.amount > 100000000000 BEGIN SELECT RAISE(ABORT, 'ledger: a posting above 1,000,000,000.00 EUR is refused'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_postings_amount_bound;");
        }
    }
}
