using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerBalanceCheckWithoutSessionSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The "checked once per entry" flag was a session setting named after each entry:
            // PostgreSQL 15 keeps every custom setting a session ever used in a sorted array,
            // re-sorted on each new name, so a pooled connection that had posted tens of thousands
            // of entries spent seconds per commit (a payroll run of 20,000 payslips never ended).
            // The entries checked in the transaction are now rows of a temporary table emptied at
            // each commit. Same caveat as before for a session that forces constraints IMMEDIATE.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ledger_check_entry_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    net bigint;
                    lines integer;
                    first_time integer;
                BEGIN
                    IF to_regclass('pg_temp.ledger_checked_entries') IS NULL THEN
                        CREATE TEMP TABLE ledger_checked_entries (entry_id uuid PRIMARY KEY) ON COMMIT DELETE ROWS;
                    END IF;
                    INSERT INTO ledger_checked_entries VALUES (NEW.entry_id) ON CONFLICT DO NOTHING;
                    GET DIAGNOSTICS first_time = ROW_COUNT;
                    IF first_time = 0 THEN
                        RETURN NULL;
                    END IF;
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
    }
}
