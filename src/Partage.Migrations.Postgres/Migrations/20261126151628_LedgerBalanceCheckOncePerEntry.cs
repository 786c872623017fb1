using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerBalanceCheckOncePerEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The check is deferred to commit and fires once per posting: an entry of n lines was
            // summed n times (a 1,000-line bank entry, a million rows read). Once an entry has been
            // found balanced in this transaction, its other postings' checks return at once. (A
            // transaction that forces constraints IMMEDIATE and then adds postings to an entry
            // already checked would escape the check; the application never does, and the
            // immutability triggers and `partage ledger check` remain.)
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ledger_check_entry_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    net bigint;
                    lines integer;
                    flag text := 'partage.balanced_' || replace(NEW.entry_id::text, '-', '');
                BEGIN
                    IF current_setting(flag, true) = '1' THEN
                        RETURN NULL;
                    END IF;
                    SELECT coalesce(sum(CASE WHEN side = 'D' THEN amount ELSE -amount END), 0), count(*)
                      INTO net, lines
                      FROM ledger_postings WHERE entry_id = NEW.entry_id;
                    IF net <> 0 OR lines < 2 THEN
                        RAISE EXCEPTION 'ledger: entry % is unbalanced (net %, % lines)', NEW.entry_id, net, lines USING ERRCODE = '23514';
                    END IF;
                    PERFORM set_config(flag, '1', true);
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ledger_check_entry_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    net bigint;
                    lines integer;
                BEGIN
                    SELECT coalesce(sum(CASE WHEN side = 'D' THEN amount ELSE -amount END), 0), count(*)
                      INTO net, lines
                      FROM ledger_postings WHERE entry_id = NEW.entry_id;
                    IF net <> 0 OR lines < 2 THEN
                        RAISE EXCEPTION 'ledger: entry % is unbalanced (net %, % lines)', NEW.entry_id, net, lines USING ERRCODE = '23514';
                    END IF;
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
