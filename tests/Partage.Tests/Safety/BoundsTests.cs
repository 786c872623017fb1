using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.Persistence;
using Partage.Tests.Employers;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Safety;

/// <summary>
/// Extreme values where amounts, counts, dates and pages enter: each is answered 400/404/409/422
/// with a problem body, never 500, and nothing is written (no audit event, no entry, no statement).
/// The fourteen inputs that answered 500 on main (issue 13) are among them. On SQLite and PostgreSQL.
/// </summary>
public abstract class BoundsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private const string TwentySixDigits = "10000000000000000000000000";

    private sealed record Probe(string Name, string Email, Func<Task<HttpRequestMessage>> Request, params HttpStatusCode[] Expected);

    private async Task<(int Audit, int Entries, int Statements, int Contracts)> WrittenAsync() => await factory.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PartageDbContext>();
        return (await db.Set<AuditEvent>().CountAsync(), await db.Set<JournalEntry>().CountAsync(), await db.Set<BankStatement>().CountAsync(),
            await db.Set<App.Modules.Employers.StaffContract>().CountAsync());
    });

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage File(string path, string field, string name, string content, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), field, name } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
    }

    [Fact]
    public async Task ExtremeInputs_AreRefusedWithAProblem_NeverA500_AndNothingIsWritten()
    {
        var world = await OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "500", null)));
        var job = Hiring.Artist(world.LilleActivity, Hiring.NextDay());
        var csvHeader = string.Join(";", ImportStaffContracts.Columns);
        string CsvLine(int n, string start, string end) =>
            $"BORNE{n};Sam;{StaffPayrollTests.Nir(700 + (n % 100))};1991-02-03;FR7630006000011234567890189;intermittent_technician;non;Technicien son;Festival;{start};{end};40;;2500,00;";
        var employer = world.LilleEmployer;
        var bad = new[] { HttpStatusCode.BadRequest };
        var probes = new List<Probe>
        {
            new("simulator: amount of 26 digits (anonymous)", "", () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/payroll/simulations/net", new { Amount = TwentySixDigits, Kind = "IntermittentTechnician" })), bad),
            new("simulator: cachets 2^31", "", () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/payroll/simulations/net", new { Amount = "1000", Kind = "IntermittentArtist", Cachets = "2147483648" })), bad),
            new("simulator: hours of 26 digits", "", () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/payroll/simulations/net", new { Amount = "1000", Kind = "RegimeGeneral", Hours = TwentySixDigits })), bad),
            new("payment of 26 digits", World.Finance, () => Task.FromResult(Json(HttpMethod.Post, $"/api/v1/invoices/{invoice.Id}/payments", new { Amount = TwentySixDigits })), bad),
            new("payment just above the bound", World.Finance, () => Task.FromResult(Json(HttpMethod.Post, $"/api/v1/invoices/{invoice.Id}/payments", new { Amount = "1000000000,01" })), bad),
            new("payment dated 9999", World.Finance, () => Task.FromResult(Json(HttpMethod.Post, $"/api/v1/invoices/{invoice.Id}/payments", new { Amount = "10", Date = "9999-12-31" })), bad),
            new("job: gross of 26 digits", World.Admin, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/jobs", job with { Gross = TwentySixDigits })), bad),
            new("job: cachets 2^31", World.Admin, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/jobs", job with { Cachets = "2147483648" })), bad),
            new("job: dates in 9999", World.Admin, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/jobs", job with { Start = "9999-12-30", End = "9999-12-31" })), bad),
            new("bank match of 26 digits", World.Finance, () => Task.FromResult(Json(HttpMethod.Post, $"/api/v1/bank-statements/lines/{Guid.NewGuid()}/match", new { InvoiceNumber = invoice.Number, Amount = TwentySixDigits })),
                HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            new("fiscal year in 9999", World.Finance, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/ledger/fiscal-years", new { Entity = "SCIC", StartsOn = "9999-01-01", EndsOn = "9999-12-31" })), bad),
            new("DSN of 9999-12", World.Payroll, () => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/employers/{employer}/dsn?month=9999-12")), bad),
            new("DPAE export up to 9999", World.Payroll, () => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/v1/payroll/dpae.xml?from=0001-01-01&to=9999-12-31")), bad),
            new("employer invoice for 9999-12", World.Payroll, () => Task.FromResult(Json(HttpMethod.Post, $"/api/v1/employers/{employer}/invoices", new { Period = "9999-12" })), bad),
            new("contributions up to 9999-12", World.Payroll, () => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/v1/payroll/contributions?from=2026-01&to=9999-12")), bad),
            new("draft: quantity × price above the bound", World.Admin, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/invoices",
                Sales.Draft(world.LilleActivity, client.Id, ("Tournée", "1000000000", "C62", "1000000000", null)))), bad),
            new("draft: a thousand lines adding up above the bound", World.Admin, () => Task.FromResult(Json(HttpMethod.Post, "/api/v1/invoices",
                Sales.Draft(world.LilleActivity, client.Id, [.. Enumerable.Range(0, 200).Select(i => ($"Ligne {i}", "1", "C62", "999999999", (string?)null))]))), bad),
            new("staff CSV: dates in 9999", World.Payroll, () => Task.FromResult(File($"/api/v1/employers/{employer}/contracts.csv", "file", "contrats.csv", $"{csvHeader}\n{CsvLine(1, "9999-12-01", "9999-12-05")}")), bad),
            new("staff CSV: 100,000 lines", World.Payroll, () => Task.FromResult(File($"/api/v1/employers/{employer}/contracts.csv", "file", "contrats.csv",
                csvHeader + "\n" + string.Join("\n", Enumerable.Range(0, 100_000).Select(n => CsvLine(n, "2027-03-01", "2027-03-02"))))), bad),
            new("camt.053 line of 90,000,000,000,000,000 EUR", World.Finance, () => Task.FromResult(File("/api/v1/bank-statements", "file", "releve.xml",
                BankStatementTests.Camt("08", "BORNES-1", new BankStatementTests.Credit(90_000_000_000_000_000m, Text: invoice.Number)), ("entity", "LNA"))), bad),
        };

        var before = await WrittenAsync();
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            using var http = probe.Email.Length == 0 ? factory.CreateClient() : await factory.ClientForAsync(probe.Email);
            using var request = await probe.Request();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!probe.Expected.Contains(response.StatusCode) || !body.Contains("\"title\"", StringComparison.Ordinal))
            {
                failures.Add($"{probe.Name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await WrittenAsync());
    }

    /// <summary>
    /// Every JSON body of the API, as the OpenAPI document describes it: each of its fields in turn
    /// set to an extreme number, a huge string of digits, a date far out of range or a very long
    /// text, the others left out. Whatever the endpoint makes of it, the answer is never a 5xx.
    /// </summary>
    [Fact]
    public async Task EveryFieldOfEveryJsonBody_ExtremeValues_NeverA500()
    {
        var world = await OpenAsync(factory);
        using var http = await factory.ClientForAsync(World.Admin);
        using var document = System.Text.Json.JsonDocument.Parse(await (await http.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        object?[] extremes = [TwentySixDigits, "-" + TwentySixDigits, 1e300, -1e300, 2147483648L, long.MaxValue, "9999-12-31", "0001-01-01", "99999-01", new string('9', 100_000), "NaN"];
        var failures = new List<string>();
        var probed = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch"))
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }

                var schema = json.GetProperty("schema");
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                }

                if (!schema.TryGetProperty("properties", out var properties))
                {
                    continue;
                }

                // Path parameters: an id that exists nowhere, a month, a code.
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "{([^}]+)}", m =>
                    m.Groups[1].Value.Contains("month", StringComparison.OrdinalIgnoreCase) ? "2026-11" : world.LilleActivity.ToString());
                foreach (var field in properties.EnumerateObject())
                {
                    foreach (var value in extremes)
                    {
                        probed++;
                        using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url)
                        {
                            Content = JsonContent.Create(new Dictionary<string, object?> { [field.Name] = value }),
                        };
                        using var response = await http.SendAsync(request);
                        if ((int)response.StatusCode >= 500)
                        {
                            var text = await response.Content.ReadAsStringAsync();
                            failures.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {field.Name}={Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?[..Math.Min(30, value?.ToString()?.Length ?? 0)]}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
                        }
                    }
                }
            }
        }

        Assert.True(probed > 300, $"only {probed} probes: the OpenAPI document lost its bodies?");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task HugePageNumbers_AreBroughtBackInRange()
    {
        await OpenAsync(factory);
        using var http = await factory.ClientForAsync(World.Finance);
        foreach (var path in new[] { "/api/v1/employer-invoices?page=2147483647&pageSize=2147483647", "/api/v1/bank-statements/unmatched?page=2147483647", "/api/v1/payslips?page=2147483647" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var overflow = await http.GetAsync("/api/v1/payslips?page=99999999999999999999");
        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);   // not an int at all: a malformed request
    }
}

public sealed class SqliteBoundsTests(PartageFactory factory) : BoundsTests<PartageFactory>(factory);

public sealed class PostgresBoundsTests(PostgresFactory factory) : BoundsTests<PostgresFactory>(factory);
