using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Payroll;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Safety;

/// <summary>
/// The real executable killed with SIGKILL (Process.Kill) in the middle of a payroll run and of a
/// bank statement import, started again and run again: the database ends exactly as after a run
/// that was never interrupted (payslips, numbers, batches, ledger, audit), compared on two copies
/// of one prepared database.
/// </summary>
public sealed class CrashTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["Database__Provider"] = "Sqlite", ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Demo__SeedOnFirstStart"] = "false",
        ["Scheduling__Enabled"] = "false", ["Database__BackupBeforeMigrate"] = "false", ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>A consistent copy of the test's database (VACUUM INTO: whatever the WAL holds is in it).</summary>
    private async Task<string> SnapshotAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"partage-crash-{Guid.NewGuid():N}.db");
        await factory.Database.SnapshotAsync(file);
        return file;
    }

    private static string Copy(string file)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"partage-crash-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        return copy;
    }

    /// <summary>The real executable on a copy of the database, on the test server's clock (Clock__Start).</summary>
    private Process Start(string database, IReadOnlyDictionary<string, string>? more, params string[] args) =>
        Process.Start(Http.CommandLineTests.Executable(new Dictionary<string, string>(Environment.Concat(more ?? new Dictionary<string, string>()))
        {
            ["ConnectionStrings__Partage"] = $"Data Source={database}",
            ["Clock__Start"] = factory.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, args))!;

    /// <summary>What an interrupted run must leave exactly as an uninterrupted one: documents, numbers, money and audit.</summary>
    private static async Task<List<string>> FingerprintAsync(string database)
    {
        var rows = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "SELECT number, job_id, period, gross_cents, net_paid_cents, employer_cost_cents, status, payment_batch_id IS NOT NULL, payroll_entry_id IS NOT NULL FROM payroll_payslips ORDER BY number",
                     "SELECT number, legal_entity_id, execution_date, count, total_cents, status FROM payroll_payment_batches ORDER BY number",
                     "SELECT * FROM number_series ORDER BY 1",
                     "SELECT account_id, side, SUM(amount), COUNT(*) FROM ledger_postings GROUP BY account_id, side ORDER BY 1, 2",
                     "SELECT COUNT(*), COUNT(DISTINCT number) FROM ledger_entries",
                     "SELECT action, COUNT(*) FROM audit_events GROUP BY action ORDER BY 1",
                     "SELECT statement_id, legal_entity_id, file_sha256 FROM bank_statements ORDER BY 1",
                     "SELECT position, amount_cents, status, unmatched_cents, suspense_entry_id IS NOT NULL FROM bank_statement_lines ORDER BY position",
                     "SELECT number, status FROM invoices ORDER BY number",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Add("--");
        }

        SqliteConnection.ClearAllPools();
        return rows;
    }

    private async Task<int> RunToEndAsync(string database, params string[] args)
    {
        using var process = Start(database, null, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)}: {await output} {await error}");
        return process.ExitCode;
    }

    [Fact]
    public async Task PayrollRun_KilledMidway_ThenRunAgain_EqualsAnUninterruptedRun()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 5_000_000);
        var payroll = await factory.ActorAsync(World.Payroll);
        await factory.InScopeAsync(s => s.GetRequiredService<PayrollParameters>().AddAsync(
            new NewSettingInput(PayrollParameters.AutoValidationCode, "2026-01-01", "100000", "Validation automatique pour l'essai"), payroll));
        for (var day = 1; day <= 31; day++)
        {
            await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, day), gross: (200 + day).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var prepared = await SnapshotAsync();
        var uninterrupted = Copy(prepared);
        var crashed = Copy(prepared);
        string[] run = ["payroll", "run", "--until", "2026-12-31"];
        await RunToEndAsync(uninterrupted, run);

        // Killed at growing moments after the run has begun; at least one kill must land before its end.
        var killedRunning = 0;
        foreach (var delay in new[] { 0, 100, 300 })
        {
            using var process = Start(crashed, null, run);
            var started = new TaskCompletionSource();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("Paie jusqu'au", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            await Task.WhenAny(started.Task, process.WaitForExitAsync());
            await Task.Delay(delay);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);   // SIGKILL: no cleanup, no rollback by the process
                killedRunning++;
            }

            await process.WaitForExitAsync();
        }

        Assert.True(killedRunning > 0, "no kill landed during the run");
        Console.Error.WriteLine($"Payroll run killed {killedRunning} time(s) while running.");
        await RunToEndAsync(crashed, run);

        var expected = await FingerprintAsync(uninterrupted);
        Assert.Contains(expected, r => r.StartsWith("BP-LNA-2026-000031|", StringComparison.Ordinal));   // the run did compute
        Assert.Contains(expected, r => r.StartsWith("VIR-LNA-2026-", StringComparison.Ordinal));          // and pay
        Assert.Equal(expected, await FingerprintAsync(crashed));
    }

    [Fact]
    public async Task StatementImport_ServerKilledMidway_ThenImportedAgain_EqualsAnUninterruptedImport()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var credits = new List<BankStatementTests.Credit>();
        for (var i = 0; i < 20; i++)
        {
            var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null)));
            credits.Add(new BankStatementTests.Credit(invoice.Remaining.Amount, Rf: invoice.PaymentReference));
        }

        credits.AddRange(Enumerable.Range(0, 6_000).Select(i => new BankStatementTests.Credit(10m + (i % 97), Text: $"Don {i}", Debtor: $"Donateur {i}")));
        var xml = Encoding.UTF8.GetBytes(BankStatementTests.Camt("08", "CRASH-2026-11-25", [.. credits]));
        var prepared = await SnapshotAsync();
        var uninterrupted = Copy(prepared);
        var crashed = Copy(prepared);

        Assert.Equal(HttpStatusCode.OK, await ImportAsync(uninterrupted, xml, killAfter: null));
        var killedRunning = 0;
        foreach (var delay in new[] { 250, 900 })
        {
            if (await ImportAsync(crashed, xml, killAfter: TimeSpan.FromMilliseconds(delay)) is null)
            {
                killedRunning++;
            }
        }

        Assert.True(killedRunning > 0, "no kill landed during the import");
        Console.Error.WriteLine($"Statement import killed {killedRunning} time(s) before answering.");
        Assert.Equal(HttpStatusCode.OK, await ImportAsync(crashed, xml, killAfter: null));

        var expected = await FingerprintAsync(uninterrupted);
        Assert.Contains(expected, r => r.StartsWith("CRASH-2026-11-25|", StringComparison.Ordinal));
        Assert.Equal(expected, await FingerprintAsync(crashed));
    }

    /// <summary>Starts the server on the database, imports the statement through the API, and either waits for the answer or kills the server that long after sending it (null: killed before it answered).</summary>
    private async Task<HttpStatusCode?> ImportAsync(string database, byte[] statement, TimeSpan? killAfter)
    {
        var port = FreePort();
        using var server = Start(database, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" });
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            var ready = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    Assert.True(ready.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited, "the server did not start");
                    await Task.Delay(200);
                }
            }

            using var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Finance, World.Password });
            var bearer = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var form = new MultipartFormDataContent { { new StringContent("LNA"), "entity" }, { new ByteArrayContent(statement), "file", "releve.xml" } };
            var sending = http.PostAsync("/api/v1/bank-statements", form);
            if (killAfter is { } wait)
            {
                var answered = await Task.WhenAny(sending, Task.Delay(wait)) == sending;
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                if (!answered)
                {
                    try
                    {
                        await sending;
                    }
                    catch (HttpRequestException)
                    {
                        // the connection died with the server, as it should
                    }

                    return null;
                }
            }

            using var response = await sending;
            return response.StatusCode;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
