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
/// PostgreSQL tests fail: they are never skipped. A PostgreSQL database may also start as a copy of
/// a migrated and seeded template (<see cref="PostgresTemplates"/>).
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

        return CreatePostgres(null);
    }

    /// <summary>A new PostgreSQL database copied from <paramref name="template"/> (CREATE DATABASE … TEMPLATE), already migrated and seeded.</summary>
    public static TestDatabase CopyOf(string template) => CreatePostgres(template);

    private static string Admin => Environment.GetEnvironmentVariable("PARTAGE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PARTAGE_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a PostgreSQL server.");

    private static TestDatabase CreatePostgres(string? template)
    {
        var admin = Admin;
        var name = $"partage_t_{Guid.NewGuid():N}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(admin, template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(50 * attempt);   // another copy of the same template is under way (PostgreSQL copies one at a time)
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(Provider.Postgres, builder.ConnectionString, admin, null);
    }

    /// <summary>The database's name on the server (PostgreSQL).</summary>
    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>Closes every session still open on this PostgreSQL database, so that it may serve as a template.</summary>
    public void Disconnect()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(adminConnection!, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
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
            Execute(adminConnection, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }
}
