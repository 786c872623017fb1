using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partage.App.Demo;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Activity = Partage.App.Modules.Activities.Activity;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Persistence;
using Partage.Kernel;

namespace Partage.Benchmarks;

/// <summary>
/// Invoicing's load script (issue 4), on PostgreSQL: issues invoices, writes Factur-X PDFs on one
/// thread (PDFs per second per core), then imports a camt.053 statement of N credits — the first
/// ones paying invoices by their RF reference, the rest unknown (suspense account) — and times it.
/// Usage: dotnet run -c Release -- invoicing "Host=…;Username=postgres;Database=postgres" [credits] [invoices]
/// </summary>
public static class InvoicingLoad
{
    private const string Database = "partage_invoicing_load";

    public static async Task<int> RunAsync(string adminConnection, int credits, int invoices)
    {
        var (app, connectionString) = await LoadDatabase.FreshAsync(adminConnection, Database, "--Urls=http://127.0.0.1:0", "--Demo:SeedOnFirstStart=false");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        ActivityId activity;
        ClientId client;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(50, 3, withBooks: false);
            var year = now.Year.ToString(CultureInfo.InvariantCulture);
            await scope.ServiceProvider.GetRequiredService<OpenFiscalYear>().HandleAsync(new OpenFiscalYearInput("LNA", $"{year}-01-01", $"{year}-12-31"), Actor.System);
            activity = await scope.ServiceProvider.GetRequiredService<PartageDbContext>().Set<Activity>().AsNoTracking()
                .Where(a => a.LegalEntityId == LegalEntitiesReferenceData.Lna && a.Status == ActivityStatus.Active).Select(a => a.Id).FirstAsync();
            client = (await scope.ServiceProvider.GetRequiredService<CreateClient>().HandleAsync(new ClientInput(
                "Company", "Client de charge", "SAS", "FR", "900000043", null, null, "1 rue", null, "59000", "Lille", null, "compta@charge.fr", []), Actor.System)).Id;
        }

        var issued = new List<InvoiceView>(invoices);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < invoices; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var draft = await scope.ServiceProvider.GetRequiredService<CreateInvoiceDraft>().HandleAsync(new DraftInput(activity.ToString(), client.ToString(), $"{now:yyyy-MM}-01", null, null, null, 30,
                [new InvoiceLineInput($"Prestation {i}", "1", "C62", (100 + i % 900).ToString(CultureInfo.InvariantCulture), "FR_20")]), Actor.System);
            issued.Add(await scope.ServiceProvider.GetRequiredService<IssueInvoice>().HandleAsync(draft.Id, Actor.System));
        }

        Console.WriteLine($"issued {invoices:N0} invoices in {sw.Elapsed.TotalSeconds:0.0} s ({invoices / sw.Elapsed.TotalSeconds:0} per second, one at a time)");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<InvoiceDocuments>();
            var docs = new List<InvoiceDocument>();
            foreach (var invoice in issued.Take(200))
            {
                docs.Add((await documents.FindAsync(invoice.Id, Actor.System))!);
            }

            FacturXPdf.Write(docs[0], now);   // warm-up: fonts, JIT
            sw.Restart();
            long bytes = 0;
            foreach (var doc in docs)
            {
                bytes += FacturXPdf.Write(doc, now).Length;
            }

            Console.WriteLine($"Factur-X PDF: {docs.Count} in {sw.Elapsed.TotalSeconds:0.00} s on one thread = {docs.Count / sw.Elapsed.TotalSeconds:0.0} PDFs per second per core (≈ {bytes / docs.Count / 1024} KiB each)");
        }

        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>LOAD</MsgId><CreDtTm>2026-11-26T06:00:00</CreDtTm></GrpHdr>");
        xml.Append("<Stmt><Id>LOAD-1</Id><CreDtTm>2026-11-26T06:00:00</CreDtTm><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>");
        for (var i = 0; i < credits; i++)
        {
            var paying = i < issued.Count;
            var amount = paying ? issued[i].Totals.Gross.Amount : 10m + i % 500;
            var remittance = paying ? $"<Strd><CdtrRefInf><Ref>{issued[i].PaymentReference}</Ref></CdtrRefInf></Strd>" : $"<Ustrd>VIREMENT {i}</Ustrd>";
            xml.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{now:yyyy-MM-dd}</Dt></BookgDt><AcctSvcrRef>L{i}</AcctSvcrRef>");
            xml.Append(CultureInfo.InvariantCulture, $"<NtryDtls><TxDtls><Amt Ccy=\"EUR\">{amount:0.00}</Amt><RltdPties><Dbtr><Pty><Nm>Payeur {i}</Nm></Pty></Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>");
        }

        xml.Append("</Stmt></BkToCstmrStmt></Document>");
        var file = Encoding.UTF8.GetBytes(xml.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            sw.Restart();
            var result = await scope.ServiceProvider.GetRequiredService<ImportBankStatement>().HandleAsync("LNA", new MemoryStream(file), Actor.System);
            Console.WriteLine($"camt.053 import: {result.Credits:N0} credits ({file.Length / 1024 / 1024} MiB), {result.Matched:N0} matched, {result.Unmatched:N0} to the suspense account, in {sw.Elapsed.TotalSeconds:0.0} s");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var check = await scope.ServiceProvider.GetRequiredService<CheckBooks>().HandleAsync("LNA");
            Console.WriteLine($"ledger check: {check.Entries:N0} entries, balanced = {check.IsBalanced}");
        }

        await IssueOverHttpAsync(app, activity, client, 8, 30);   // last: the statement above is measured with the same open invoices as before

        await app.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// Issuing invoices over HTTP as a user would (issue 23: 200 per second with 8 clients): each client
    /// creates a draft (<c>POST /api/v1/invoices</c>) and issues it (<c>POST /api/v1/invoices/{id}/issue</c>:
    /// number, sale and fee posted, PDF queued), on a real Kestrel port with a bearer token, after a 5 s warm-up.
    /// </summary>
    private static async Task IssueOverHttpAsync(Microsoft.AspNetCore.Builder.WebApplication app, ActivityId activity, ClientId client, int clients, int seconds)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (token, _) = await scope.ServiceProvider.GetRequiredService<TokenIssuer>().IssueAsync("admin@partage.test");
        }

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        long failures = 0;
        async Task<int> RunAsync(int secondsToRun, bool measured)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(secondsToRun * (double)Stopwatch.Frequency);
            var issued = 0;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var draft = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/v1/invoices", new
                    {
                        ActivityId = activity.ToString(), ClientId = client.ToString(), ServiceFrom = $"{today:yyyy-MM}-01", PaymentTermsDays = 30,
                        Lines = new[] { new { Description = $"Prestation {c}-{i}", Quantity = "1", Unit = "C62", UnitPrice = (100 + i % 900).ToString(CultureInfo.InvariantCulture), VatCode = "FR_20" } },
                    });
                    var id = draft.IsSuccessStatusCode ? (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(draft.Content)).GetProperty("id").GetString() : null;
                    using var issue = id is null ? null : await http.PostAsync($"/api/v1/invoices/{id}/issue", null);
                    if (issue is not { IsSuccessStatusCode: true })
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }

                    if (measured)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }

                    Interlocked.Increment(ref issued);
                }
            })));
            return issued;
        }

        await RunAsync(5, measured: false);
        var sw = Stopwatch.StartNew();
        var count = await RunAsync(seconds, measured: true);
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"issued over HTTP by {clients} clients: {count:N0} invoices in {sw.Elapsed.TotalSeconds:0.0} s = {count / sw.Elapsed.TotalSeconds:0} per second " +
            $"(draft + issue per invoice: p50 {sorted[sorted.Count / 2]:0} ms, p99 {sorted[sorted.Count * 99 / 100]:0} ms), {failures} failed");
        await app.StopAsync();
    }
}
