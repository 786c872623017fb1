using Microsoft.Data.Sqlite;

namespace Partage.App.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" section and the "Partage" connection string.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqlitePath = "./data/partage.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply pending migrations when the web server starts; by default SQLite does and PostgreSQL does not.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>SQLite only: copy the database file before applying migrations at start.</summary>
    public bool BackupBeforeMigrate { get; set; } = true;

    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Provider == DatabaseProvider.Sqlite ? $"Data Source={DefaultSqlitePath}"
        : throw new InvalidOperationException(
            "Database__Provider=Postgres demande une chaîne de connexion ConnectionStrings__Partage.");

    /// <summary>The SQLite file behind the connection string, or null for an in-memory or PostgreSQL database.</summary>
    public string? SqliteFilePath
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }

            var source = new SqliteConnectionStringBuilder(EffectiveConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
    }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("Partage") ?? string.Empty;
        return options;
    }
}
