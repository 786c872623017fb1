using Microsoft.AspNetCore.Builder;
using Npgsql;
using Partage.App.Infrastructure;

namespace Partage.Benchmarks;

/// <summary>A load script's own PostgreSQL database, dropped and created afresh, and the platform built over it.</summary>
public static class LoadDatabase
{
    /// <summary>Returns the platform (not started, not migrated) and the database's connection string.</summary>
    public static async Task<(WebApplication App, string ConnectionString)> FreshAsync(string adminConnection, string database, params string[] settings)
    {
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database, MaxPoolSize = 50 }.ConnectionString;
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        return (Existing(connection, settings), connection);
    }

    /// <summary>The platform (not started) over an existing database.</summary>
    public static WebApplication Existing(string connection, params string[] settings) =>
        PartageHost.Build(PartageHost.CreateBuilder([
            "--environment=Development",   // the demo bank accounts and establishments (appsettings.Development.json)
            $"--contentRoot={AppContext.BaseDirectory}",   // where that file is copied, whatever folder `dotnet run` starts from
            "--Database:Provider=Postgres", $"--ConnectionStrings:Partage={connection}", "--Logging:LogLevel:Default=Warning", .. settings,
        ]));
}
