using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// Gapless legal numbers (member numbers, later invoice and entry numbers). The next number is
/// taken by an UPDATE … RETURNING on the series row inside the caller's transaction: on PostgreSQL
/// the row stays locked until commit, so concurrent callers queue and a rolled-back transaction
/// gives its number back. Sequences are not used because they leave gaps.
/// </summary>
public sealed class NumberSeries(PartageDbContext db)
{
    public async Task<long> NextAsync(string series, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A legal number must be taken inside the transaction that uses it.");
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO number_series (series, last_value) VALUES ({series}, 0) ON CONFLICT (series) DO NOTHING", ct);
        var next = await db.Database
            .SqlQuery<long>($"UPDATE number_series SET last_value = last_value + 1 WHERE series = {series} RETURNING last_value AS \"Value\"")
            .ToListAsync(ct);
        return next.Single();
    }

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
