using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>The command-line verbs, run as a separate process of the real executable on the test database.</summary>
public class CommandLineTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>A verb on a SQLite database, in Development (the demo's bank accounts and establishments).</summary>
    private static Task<(int Exit, string Out, string Error)> PartageAsync(string connectionString, params string[] args) =>
        ProcessAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Partage"] = connectionString, ["Database__Provider"] = "Sqlite", ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        }, args);

    /// <summary>A verb on a test server's database, on that server's clock (Clock__Start): both agree on "today".</summary>
    internal static Task<(int Exit, string Out, string Error)> PartageAsync(PartageFactory factory, params string[] args) =>
        ProcessAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Partage"] = factory.ConnectionString, ["Database__Provider"] = "Sqlite", ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Clock__Start"] = factory.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, args);

    /// <summary>The real executable, with the given environment (nothing else of the test's is passed on that matters).</summary>
    internal static ProcessStartInfo Executable(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Partage.App.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>The real executable run to its end: exit code, standard output, standard error.</summary>
    internal static async Task<(int Exit, string Out, string Error)> ProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Executable(environment, args);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string TempDatabase() => $"Data Source={Path.Combine(Path.GetTempPath(), $"partage-cli-{Guid.NewGuid():N}.db")};Pooling=False";

    [Fact]
    public async Task InvoicesExport_WritesTheFacturXOfEachDocumentIssuedInTheRange()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Invoicing.Sales.FrenchClientAsync(factory);
        var first = await Invoicing.Sales.IssuedAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "800", null)));
        await Invoicing.Sales.IssuedAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "2", "DAY", "300", null)));
        await factory.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<App.Modules.Invoicing.Features.CreditInvoice>(s)
            .HandleAsync(first.Id, "Annulation", App.Security.Actor.System));
        var folder = Directory.CreateTempSubdirectory("partage-archive-").FullName;

        var month = new DateOnly(TestDates.Today.Year, TestDates.Today.Month, 1);   // the documents are dated by the test clock
        var (exit, output, error) = await PartageAsync(factory, "invoices", "export", "--entity", "LNA", "--from", TestDates.Text(month), "--to", TestDates.Text(month.AddMonths(1).AddDays(-1)), "--out", folder);
        Assert.True(exit == 0, error);
        var files = Directory.GetFiles(folder, "*.pdf").Select(Path.GetFileName).Order().ToList();
        Assert.Contains($"facture-{first.Number}.pdf", files);
        Assert.Contains(files, f => f!.StartsWith($"avoir-LNA-{TestDates.Today.Year}-", StringComparison.Ordinal));
        Assert.True(files.Count >= 3, string.Join(", ", files));
        Assert.Contains($"{files.Count} documents écrits", output, StringComparison.Ordinal);
        var report = await Invoicing.EInvoiceValidator.ValidatePdfAsync(Path.Combine(folder, $"facture-{first.Number}.pdf"));
        Assert.True(report.Passed, report.ToString());

        var (badExit, _, badError) = await PartageAsync(factory, "invoices", "export", "--entity", "XYZ", "--from", "2026-11-01", "--to", "2026-10-01");
        Assert.NotEqual(0, badExit);
        Assert.Contains("Entité inconnue", badError, StringComparison.Ordinal);
        Assert.Contains("La date de fin précède la date de début.", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreate_ManagerWithOffice_CanSignInAndSeesTheOffice()
    {
        await World.OfAsync(factory);
        var (exit, output, error) = await PartageAsync(factory,
            "users", "create", "--email", "nouveau.gestionnaire@partage.test", "--role", "manager", "--password", "Gestion-2026", "--name", "Nina Nouvelle", "--office", "Nantes");
        Assert.True(exit == 0, error);
        Assert.Contains("Bureau de Nantes", output, StringComparison.Ordinal);

        using var client = await factory.ClientForAsync("nouveau.gestionnaire@partage.test");
        var managers = await client.GetStringAsync("/api/v1/members?pageSize=1");
        Assert.Contains("\"total\":0", managers, StringComparison.Ordinal);   // Nantes has no member yet: scoped, not everyone
    }

    [Theory]
    [InlineData("--role", "Astronaut", "Rôle inconnu")]
    [InlineData("--password", "court", "10 caractères")]
    public async Task UsersCreate_BadInput_NonZeroExitWithFrenchMessage(string option, string value, string message)
    {
        await factory.ReadyAsync();
        var args = new Dictionary<string, string> { ["--email"] = $"x{Guid.NewGuid():N}@partage.test", ["--role"] = "Finance", ["--password"] = "Motdepasse-2026" };
        args[option] = value;
        var (exit, _, error) = await PartageAsync(factory, ["users", "create", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.NotEqual(0, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_SameSeedOnEmptyDatabases_SameMembers()
    {
        var first = TempDatabase();
        var second = TempDatabase();

        // The two databases are seeded by two processes at once (each its own file): the same result, half the wait.
        await Task.WhenAll(new[] { first, second }.Select(async db =>
        {
            Assert.Equal(0, (await PartageAsync(db, "db", "migrate")).Exit);
            var (exit, output, error) = await PartageAsync(db, "demo", "seed", "--members", "12", "--seed", "11");
            Assert.True(exit == 0, error);
            Assert.Contains("12 membres ajoutés", output, StringComparison.Ordinal);
            Assert.Contains("admin@partage.test", output, StringComparison.Ordinal);
        }));

        var (exitA, csvA, _) = await PartageAsync(first, "db", "backup");
        Assert.Equal(0, exitA);
        Assert.True(File.Exists(csvA.Trim()));
        Assert.Equal(await MemberRowsAsync(first), await MemberRowsAsync(second));
        Assert.Equal(13, (await MemberRowsAsync(first)).Count);   // 12 generated and the demo member
    }

    [Fact]
    public async Task LedgerVerbs_DemoBooks_FecPassesChecks_AndCheckCatchesAnUnbalancedEntry()
    {
        var db = TempDatabase();
        Assert.Equal(0, (await PartageAsync(db, "db", "migrate")).Exit);
        // 100 members with seed 8: a generated activity cannot pay one of the planned demo jobs on some dates (the demo goes without it).
        var (seeded, _, seedError) = await PartageAsync(db, "demo", "seed", "--members", "100", "--seed", "8");
        Assert.True(seeded == 0, seedError);

        var (checkExit, checkOut, _) = await PartageAsync(db, "ledger", "check");
        Assert.Equal(0, checkExit);
        Assert.Contains("Livre équilibré.", checkOut, StringComparison.Ordinal);

        // The process runs on the real clock: the demo books are those of the current year.
        var year = TimeProvider.System.GetUtcNow().Year;
        var folder = Path.Combine(Path.GetTempPath(), $"partage-fec-{Guid.NewGuid():N}");
        var (fecExit, fecOut, fecError) = await PartageAsync(db, "ledger", "fec", "--entity", "LNA", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder);
        Assert.True(fecExit == 0, fecError);
        var path = fecOut.Trim();
        Assert.EndsWith($"900000019FEC{year}1231.txt", path, StringComparison.Ordinal);
        var result = Ledger.FecChecker.Check(Path.GetFileName(path), await File.ReadAllBytesAsync(path));
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Entries >= 1);   // at least the opening balances, whatever the day of the year

        // SQLite has no commit-time balance trigger: a posting slipped in by hand is caught by the check.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(db))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO ledger_postings (id, entry_id, line_number, account_id, side, amount, accounting_date)
                SELECT lower(hex(randomblob(16))), entry_id, 99, account_id, 'D', 1, accounting_date FROM ledger_postings LIMIT 1
                """;
            await command.ExecuteNonQueryAsync();
        }

        var (brokenExit, _, brokenError) = await PartageAsync(db, "ledger", "check");
        Assert.Equal(1, brokenExit);
        Assert.Contains("DÉSÉQUILIBRE : 1 écriture(s) déséquilibrée(s)", brokenError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayrollCompute_FileOfRequests_JsonOnStdout_BadRequestExplainedInFrench()
    {
        var db = TempDatabase();
        Assert.Equal(0, (await PartageAsync(db, "db", "migrate")).Exit);
        var file = Path.Combine(Path.GetTempPath(), $"partage-payroll-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [{"id":"a","period":"2026-11","employer":{"headcount":20,"at_mp_rate":0.01,"mobility_rate":0.032},"employee":{"kind":"regime_general","cadre":false},
              "contract":{"type":"CDD","start":"2026-11-01","end":"2026-11-30"},"work":{"hours":151.67},"gross":2500.00}]
            """);
        var (exit, output, error) = await PartageAsync(db, "payroll", "compute", "--in", file);
        Assert.True(exit == 0, error);
        var result = System.Text.Json.JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(("a", 1978.99m, 3201.90m), (result.GetProperty("id").GetString(), result.GetProperty("net_before_tax").GetDecimal(), result.GetProperty("employer_cost").GetDecimal()));

        await File.WriteAllTextAsync(file, """{"period":"2026-11","gross":2500}""");
        var (badExit, _, badError) = await PartageAsync(db, "payroll", "compute", "--in", file);
        Assert.Equal(1, badExit);
        Assert.Contains("employee.kind : Le statut du salarié", badError, StringComparison.Ordinal);
    }

    private static async Task<List<string>> MemberRowsAsync(string connectionString)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number || ';' || last_name || ';' || first_name || ';' || email || ';' || trade_code || ';' || birth_date || ';' || coalesce(nir, '') FROM members ORDER BY number";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task UsersToken_PrintsATokenTheServerAccepts()
    {
        await factory.ReadyAsync();
        var (exit, output, _) = await PartageAsync(factory, "users", "token", "--email", World.Payroll);
        Assert.Equal(0, exit);

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.Trim());
        using var response = await client.GetAsync("/api/v1/members");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClockStart_RefusedOutsideDevelopment_AndAnInstantThatIsNotOneSaysSo()
    {
        Dictionary<string, string> Settings(string environment, string start) => new()
        {
            ["ConnectionStrings__Partage"] = TempDatabase(), ["Database__Provider"] = "Sqlite", ["ASPNETCORE_ENVIRONMENT"] = environment, ["Clock__Start"] = start,
        };

        var (exit, _, error) = await ProcessAsync(Settings("Production", "2030-01-01T00:00:00Z"), "db", "migrate");
        Assert.Equal(1, exit);
        Assert.Contains("Clock:Start (horloge décalée) n'est permis qu'en Development", error, StringComparison.Ordinal);
        var (badExit, _, badError) = await ProcessAsync(Settings("Development", "demain"), "db", "migrate");
        Assert.Equal(1, badExit);
        Assert.Contains("« demain » n'est pas un instant ISO 8601", badError, StringComparison.Ordinal);
    }
}
