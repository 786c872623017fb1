using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// Gapless legal numbers (members, invoices, quotes, entries, contracts, payslips…; ADR 0003). The
/// next number is taken by an upsert … RETURNING on the series row inside the caller's transaction: on PostgreSQL
/// the row stays locked until commit, so concurrent callers queue and a rolled-back transaction
/// gives its number back. Sequences are not used because they leave gaps.
/// </summary>
public sealed class NumberSeries(PartageDbContext db)
{
    public async Task<long> NextAsync(string series, CancellationToken ct = default) =>
        await NextBlockAsync(series, 1, ct);

    /// <summary>Takes <paramref name="count"/> consecutive numbers in one statement and returns the last one.</summary>
    public async Task<long> NextBlockAsync(string series, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A legal number must be taken inside the transaction that uses it.");
        }

        // One round trip, on both providers: the upsert creates the series on first use.
        var last = await db.Database
            .SqlQueryRaw<long>(TakeBlock + " RETURNING last_value AS \"Value\"", series, count)
            .ToListAsync(ct);
        return last.Single();
    }

    /// <summary>
    /// The statement that moves a series by a block, its parameters {0} (the series) and {1} (the count): also
    /// written by the ledger's <c>EntryWriter</c> in the command that inserts the entries numbered from it.
    /// </summary>
    public const string TakeBlock =
        "INSERT INTO number_series (series, last_value) VALUES ({0}, {1}) ON CONFLICT (series) DO UPDATE SET last_value = number_series.last_value + {1}";

    /// <summary>After a bulk load that numbered rows itself: the series continues after <paramref name="lastValue"/>.</summary>
    public async Task ResetAsync(string series, long lastValue, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO number_series (series, last_value) VALUES ({series}, {lastValue}) ON CONFLICT (series) DO UPDATE SET last_value = {lastValue}", ct);
    }
}

public sealed class NumberSeriesRow
{
    public string Series { get; set; } = string.Empty;

    public long LastValue { get; set; }
}

internal sealed class NumberSeriesConfiguration : IEntityTypeConfiguration<NumberSeriesRow>
{
    public void Configure(EntityTypeBuilder<NumberSeriesRow> builder)
    {
        builder.ToTable("number_series");
        builder.HasKey(r => r.Series);
        builder.Property(r => r.Series).HasMaxLength(64);
    }
}
