using Npgsql;
using Partage.Tests.Http;

namespace Partage.Tests.Safety;

/// <summary>
/// Safe defaults of the real executable: a deployed start without its required settings stops
/// with a French message and creates nothing; the command line never starts the web server on a
/// mistyped verb and says in one line when the database was never migrated.
/// </summary>
public class StartupTests
{
    private static string TempSqlite() => $"Data Source={Path.Combine(Path.GetTempPath(), $"partage-start-{Guid.NewGuid():N}.db")};Pooling=False";

    [Fact]
    public async Task ProductionStart_OnAnEmptyPostgreSqlWithoutSettings_StopsWithAFrenchMessage_AndCreatesNothing()
    {
        var admin = Environment.GetEnvironmentVariable("PARTAGE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PARTAGE_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a PostgreSQL server.");
        var name = $"partage_start_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        try
        {
            var (exit, output, error) = await CommandLineTests.ProcessAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Postgres", ["ConnectionStrings__Partage"] = database,
                ["Database__MigrateOnStart"] = "true", ["Demo__SeedOnFirstStart"] = "true", ["Urls"] = "http://127.0.0.1:0",
            });

            Assert.Equal(1, exit);
            Assert.Contains("réglages obligatoires manquants", error, StringComparison.Ordinal);
            foreach (var setting in new[] { "Invoicing__Iban", "Invoicing__Bic", "Payroll__Iban", "Payroll__Bic", "Payroll__Establishments__SCIC", "Security__PersonalDataKey", "Mail__From", "App__PublicUrl" })
            {
                Assert.Contains(setting, error, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Partage-Demo", output + error, StringComparison.Ordinal);
            await using var check = new NpgsqlConnection(database);
            await check.OpenAsync();
            var tables = (long)(await new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", check).ExecuteScalarAsync())!;
            Assert.Equal(0, tables);   // not even migrated: no account can exist
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task UnknownVerb_SaysSoInOneLine_WithoutStartingTheServer()
    {
        var database = TempSqlite();
        var (exit, output, error) = await CommandLineTests.ProcessAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Partage"] = database }, "frobnicate");

        Assert.Equal(2, exit);
        Assert.Equal("Verbe inconnu « frobnicate » : `partage --help` liste les verbes.", error.Trim());
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(database["Data Source=".Length..database.IndexOf(';', StringComparison.Ordinal)]));   // no database created, no demo seeded
    }

    [Theory]
    [InlineData("demo", "seed", "--members", "5")]
    [InlineData("ledger", "check")]
    [InlineData("invoices", "dunning")]
    public async Task Verb_OnADatabaseNeverMigrated_SaysSoInOneFrenchLine(params string[] verb)
    {
        var (exit, output, error) = await CommandLineTests.ProcessAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Partage"] = TempSqlite() }, verb);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("La base n'est pas à jour", line, StringComparison.Ordinal);
        Assert.Contains("partage db migrate", line, StringComparison.Ordinal);
    }
}
