using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// Applies the EF migrations of the configured provider. SQLite migrates at start after copying
/// the file to data/backups; PostgreSQL migrates only through the explicit `partage db migrate`.
/// </summary>
public sealed class DatabaseMigrator(PartageDbContext db, DatabaseOptions options, TimeProvider clock, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).ToList();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var pending = await PendingAsync(ct);
        if (pending.Count > 0)
        {
            await ApplyAsync(pending, ct);
        }

        // Also without a pending migration: after a change of the personal-data key, this rewrites the values under the new one.
        var encrypted = await PersonalDataCipher.UpgradeAsync(db, ct);
        if (encrypted > 0)
        {
            logger.LogInformation("Encrypted {Count} personal data values or files stored in clear or under a previous key", encrypted);
        }

        return pending;
    }

    private async Task ApplyAsync(IReadOnlyList<string> pending, CancellationToken ct)
    {
        if (options.BackupBeforeMigrate && options.SqliteFilePath is { } file && File.Exists(file) && new FileInfo(file).Length > 0)
        {
            var backup = BackupSqlite(file);
            logger.LogInformation("SQLite database copied to {Backup} before migrating", backup);
        }

        await db.Database.MigrateAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one request writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        logger.LogInformation("Applied {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
    }

    /// <summary>Online copy through SQLite's backup API (consistent even while the app writes).</summary>
    public string BackupSqlite(string file)
    {
        var folder = Path.Combine(Path.GetDirectoryName(file)!, "backups");
        Directory.CreateDirectory(folder);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-{stamp}.db");
        using var source = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        using var destination = new SqliteConnection($"Data Source={target}");
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        return target;
    }
}
