using Microsoft.Data.Sqlite;
using Npgsql;

namespace Partage.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database for one test class: a temporary SQLite file, or a new database on the
/// PostgreSQL server that ./test.sh starts (PARTAGE_TEST_POSTGRES). Without that server the
/// PostgreSQL tests fail: they are never skipped.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? adminConnection;
    private readonly string? sqliteFile;

    private TestDatabase(Provider provider, string connectionString, string? adminConnection, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.adminConnection = adminConnection;
        this.sqliteFile = sqliteFile;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"partage-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", null, file);
        }

        var admin = Environment.GetEnvironmentVariable("PARTAGE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PARTAGE_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a PostgreSQL server.");
        var name = $"partage_t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, null);
    }

    /// <summary>Starts this SQLite database as a copy of a template (before any connection opens it).</summary>
    public void CopyFrom(string template) => File.Copy(template, sqliteFile ?? throw new InvalidOperationException("Only a SQLite database is copied."), overwrite: true);

    /// <summary>A consistent copy of this SQLite database (VACUUM INTO), put in place at once so that no reader sees it half-written.</summary>
    public async Task SnapshotAsync(string path)
    {
        var partial = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM INTO '{partial}'";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            File.Move(partial, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(partial);   // another server of the same start wrote it first
        }
    }

    public void Dispose()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(adminConnection);
            connection.Open();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
