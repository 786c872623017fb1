using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// Decisions that must be taken one after the other across requests and servers (two countersignatures spending one
/// budget): the caller holds a named lock until its transaction ends. The lock is an upsert on the lock's row, as for the
/// number series: on PostgreSQL the row stays locked until commit and the next holder waits, then reads what the first
/// committed; on SQLite the write takes the database's write lock, which serialises as well. The first statement of
/// the transaction should be the hold, so that what is read after it is read after the previous holder's commit.
/// </summary>
public sealed class SerialLocks(PartageDbContext db)
{
    public async Task HoldAsync(string name, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A serial lock is held by a transaction: begin one first.");
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO serial_locks (name, holds) VALUES ({name}, 1) ON CONFLICT (name) DO UPDATE SET holds = serial_locks.holds + 1", ct);
    }
}

public sealed class SerialLockRow
{
    public string Name { get; set; } = string.Empty;

    /// <summary>How many times the lock was held: the upsert needs something to write.</summary>
    public long Holds { get; set; }
}

internal sealed class SerialLockConfiguration : IEntityTypeConfiguration<SerialLockRow>
{
    public void Configure(EntityTypeBuilder<SerialLockRow> builder)
    {
        builder.ToTable("serial_locks");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}
