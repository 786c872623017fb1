using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Partage.App.Infrastructure.Database;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

/// <summary>
/// Writes numbered entries and their postings in one command: the number series are moved, the
/// rows inserted (each entry's number read from its series row in the same statement) and the
/// series' last values read back, in one round trip. The series row stays locked from its upsert to
/// the commit, and every post of a journal queues on it (gapless numbers, ADR 0003): the shorter
/// that window, the more posts per second. With EF the window held the change tracker's work and two
/// more round trips (measured: 21 ms of waiting per post with 8 workers on one journal,
/// docs/performance.md).
/// </summary>
internal sealed class EntryWriter(PartageDbContext db)
{
    /// <summary>Rows per INSERT statement: SQLite binds at most 32,766 parameters per statement.</summary>
    private const int RowsPerStatement = 200;

    /// <summary>The entries of each series (numbers not yet given, in the order they are to take them).</summary>
    public sealed record Series(string Name, IReadOnlyList<JournalEntry> Entries);

    /// <summary>
    /// Inserts the entries in the caller's transaction, or in the command's own: PostgreSQL runs the
    /// statements of one command as one implicit transaction (one Sync), so nothing is half written and
    /// the deferred balance check runs at its end; SQLite runs them one by one, so it gets a transaction,
    /// as does a unit of work with unsaved rows.
    /// Returns the entries with their numbers.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> InsertAsync(IReadOnlyList<Series> series, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        // Rows the unit of work added and did not save yet (a client's auxiliary account) go first: the
        // postings refer to them.
        var pending = db.ChangeTracker.HasChanges();
        var ownTransaction = db.Database.CurrentTransaction is null && (pending || !db.Database.IsNpgsql()) ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (pending)
            {
                await db.SaveChangesAsync(ct);
            }

            Dictionary<string, long> last;
            try
            {
                last = await ExecuteAsync(connection, series, ct);
            }
            catch (DbException e)
            {
                // What EF's SaveChanges throws for the same refusal: the callers' handling of a unique key
                // that lost a race (a 409, never a 500) stays the same.
                throw new DbUpdateException("Les écritures n'ont pas pu être enregistrées.", e);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return series.SelectMany(s => s.Entries.Select((e, k) => Numbered(e, last[s.Name] - s.Entries.Count + k + 1))).ToList();
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }

            if (openedHere)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task<Dictionary<string, long>> ExecuteAsync(DbConnection connection, IReadOnlyList<Series> series, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var types = db.GetService<IRelationalTypeMappingSource>();
        var sql = new StringBuilder();
        string P(object? value)
        {
            var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(value is null
                ? CreateNull(command, name)
                : types.GetMappingForValue(value).CreateParameter(command, name, value));
            return name;
        }

        var seriesNames = new List<string>();
        foreach (var s in series)
        {
            var name = P(s.Name);
            var count = P((long)s.Entries.Count);
            seriesNames.Add(name);
            sql.AppendFormat(CultureInfo.InvariantCulture, NumberSeries.TakeBlock, name, count).Append(";\n");
            foreach (var chunk in s.Entries.Select((e, k) => (Entry: e, Offset: s.Entries.Count - k - 1)).Chunk(RowsPerStatement))
            {
                sql.Append("INSERT INTO ledger_entries (id, legal_entity_id, journal_code, fiscal_year_id, number, accounting_date, label, source_type, source_id, piece_ref, idempotency_key, reverses_entry_id, posted_at, posted_by) VALUES ");
                sql.AppendJoin(", ", chunk.Select(c => $"({P(c.Entry.Id.Value)}, {P(c.Entry.LegalEntityId.Value)}, {P(c.Entry.JournalCode)}, {P(c.Entry.FiscalYearId)}, " +
                    $"(SELECT last_value FROM number_series WHERE series = {name}) - {P((long)c.Offset)}, {P(c.Entry.AccountingDate)}, {P(c.Entry.Label)}, {P(c.Entry.SourceType)}, " +
                    $"{P(c.Entry.SourceId)}, {P(c.Entry.PieceRef)}, {P(c.Entry.IdempotencyKey)}, {P(c.Entry.ReversesEntryId?.Value)}, {P(c.Entry.PostedAt)}, {P(c.Entry.PostedBy)})"));
                sql.Append(";\n");
            }
        }

        foreach (var chunk in series.SelectMany(s => s.Entries).SelectMany(e => e.Postings).Chunk(RowsPerStatement))
        {
            sql.Append("INSERT INTO ledger_postings (id, entry_id, line_number, account_id, side, amount, activity_id, accounting_date, label) VALUES ");
            sql.AppendJoin(", ", chunk.Select(p => $"({P(p.Id)}, {P(p.EntryId.Value)}, {P(p.LineNumber)}, {P(p.AccountId.Value)}, {P(p.Side == Side.Debit ? "D" : "C")}, " +
                $"{P(p.Amount)}, {P(p.ActivityId?.Value)}, {P(p.AccountingDate)}, {P(p.Label)})"));
            sql.Append(";\n");
        }

        sql.Append(CultureInfo.InvariantCulture, $"SELECT series, last_value FROM number_series WHERE series IN ({string.Join(", ", seriesNames)});");
        command.CommandText = sql.ToString();

        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                last[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        while (await reader.NextResultAsync(ct));
        return last;
    }

    private static DbParameter CreateNull(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        return parameter;
    }

    private static JournalEntry Numbered(JournalEntry e, long number) => new()
    {
        Id = e.Id, LegalEntityId = e.LegalEntityId, JournalCode = e.JournalCode, FiscalYearId = e.FiscalYearId, Number = number,
        AccountingDate = e.AccountingDate, Label = e.Label, SourceType = e.SourceType, SourceId = e.SourceId, PieceRef = e.PieceRef,
        IdempotencyKey = e.IdempotencyKey, ReversesEntryId = e.ReversesEntryId, PostedAt = e.PostedAt, PostedBy = e.PostedBy, Postings = e.Postings,
    };
}
