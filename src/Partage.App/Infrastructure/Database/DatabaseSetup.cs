using Microsoft.EntityFrameworkCore;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

public static class DatabaseSetup
{
    public static IServiceCollection AddPartageDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new PartageModelSource([typeof(DatabaseSetup).Assembly]));
        services.AddDbContextPool<PartageDbContext>(builder => Configure(builder, options));
        services.AddScoped<NumberSeries>();
        services.AddScoped<SerialLocks>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var path = options.SqliteFilePath;
                if (path is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                }

                builder.UseSqlite(options.EffectiveConnectionString, o => o.MigrationsAssembly("Partage.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(WithAutoPrepare(options.EffectiveConnectionString), o => o.MigrationsAssembly("Partage.Migrations.Postgres"));
                break;
            default:
                throw new InvalidOperationException($"Fournisseur de base de données inconnu : {options.Provider}.");
        }

        builder.UseSnakeCaseNamingConvention();
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs often unless the connection string says
    /// otherwise: the server then skips parsing and planning them. Measured on the ledger's load script,
    /// single posts went from 425 to 630 per second (docs/performance.md).
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}
