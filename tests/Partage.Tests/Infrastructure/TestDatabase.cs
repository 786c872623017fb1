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
