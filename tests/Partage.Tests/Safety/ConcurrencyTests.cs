using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Employers;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Safety;

/// <summary>
/// Money and numbering commands under double clicks, retries and concurrent requests: several
/// copies of the same request are sent at once through the running application, and exactly one
/// takes effect; the others are answered 409 with a French message, never 500, and leave no gap
/// in the legal series and no second entry in the books. On SQLite and PostgreSQL.
/// </summary>
public abstract class ConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private static async Task<HttpResponseMessage[]> RaceAsync(int copies, Func<Task<HttpResponseMessage>> send) =>
        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => Task.Run(send)));

    private static async Task AssertOneWinnerAsync(HttpResponseMessage[] responses, HttpStatusCode success)
    {
        var bodies = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        Assert.True(responses.Count(r => r.StatusCode == success) == 1, string.Join("\n", bodies));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == responses.Length - 1, string.Join("\n", bodies));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await loser.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("code").GetString()));
        }
    }

    private static long Sequence(string number) => long.Parse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> EntriesOfAsync(string sourceType, string sourceId) =>
        factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync(e => e.SourceType == sourceType && e.SourceId == sourceId));

    [Fact]
    public async Task IssueInvoice_FourConcurrentRequests_OneNumberOneEntry_NextNumberContiguous()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "900", null)));
        using var http = await factory.ClientForAsync(World.Admin);

        var responses = await RaceAsync(4, () => http.PostAsync($"/api/v1/invoices/{draft.Id}/issue", null));

        await AssertOneWinnerAsync(responses, HttpStatusCode.OK);
        var issued = await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>();
        var number = issued.GetProperty("number").GetString()!;
        Assert.Equal(1, await EntriesOfAsync("invoice", draft.Id.ToString()));
        var entryPiece = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>()
            .Where(e => e.SourceType == "invoice" && e.SourceId == draft.Id.ToString()).Select(e => e.PieceRef).SingleAsync());
        Assert.Equal(number, entryPiece);   // the books and the invoice name the same number
        var next = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Répétition", "1", "C62", "100", null)));
        Assert.Equal(Sequence(number) + 1, Sequence(next.Number!));   // the losers gave their numbers back
    }

    [Fact]
    public async Task LeasePurchase_FourConcurrentRequests_OnePurchaseEntry_OneSchedule()
    {
        var activity = await Leasing.Leases.FreshActivityAsync(factory);
        var approved = await Leasing.Leases.ApprovedAsync(factory, activity, factory.Today.AddDays(10));
        using var http = await factory.ClientForAsync(World.Finance);
        var body = new { InvoiceNumber = "PT-4411", InvoiceDate = factory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AmountExclVat = "1200", Vat = "240" };

        var responses = await RaceAsync(4, () => http.PostAsJsonAsync($"/api/v1/leases/{approved.Id}/purchase", body));

        await AssertOneWinnerAsync(responses, HttpStatusCode.OK);
        Assert.Equal(1, await EntriesOfAsync("lease", approved.Id.ToString()));
        Assert.Equal(12, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Leasing.LeaseInstalment>().CountAsync(i => i.LeaseId == approved.Id)));
    }

    [Fact]
    public async Task InvoiceQuote_FourConcurrentRequests_OneInvoice()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var (quote, token) = await Sales.SentQuoteAsync(factory, world.LilleActivity, client.Id, "500", TestDates.Text(TestDates.Today.AddDays(24)));
        await factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, true, "Lucie Martin", null));
        using var http = await factory.ClientForAsync(World.Admin);

        var responses = await RaceAsync(4, () => http.PostAsync($"/api/v1/quotes/{quote.Id}/invoice", null));

        await AssertOneWinnerAsync(responses, HttpStatusCode.OK);
        var invoices = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Invoice>()
            .Where(i => i.PurchaseOrder != null && i.PurchaseOrder.StartsWith($"Devis {quote.Number} ")).Select(i => i.Id).ToListAsync());
        Assert.Single(invoices);
        Assert.Equal(1, await EntriesOfAsync("invoice", invoices[0].ToString()));
    }

    [Fact]
    public async Task QuoteResponse_AcceptAndRefuseAtOnce_OneAnswerKept()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var (quote, token) = await Sales.SentQuoteAsync(factory, world.LilleActivity, client.Id, "400", TestDates.Text(TestDates.Today.AddDays(24)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await factory.InScopeAsync(s => s.GetRequiredService<AnswerQuote>().HandleAsync(token, i % 2 == 0, $"Client {i}", null));
                return "ok";
            }
            catch (DomainException e) when (e.Error.Kind == ErrorKind.Conflict)
            {
                return e.Error.Code;
            }
        })));

        Assert.Equal(1, answers.Count(a => a == "ok"));
        var audit = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Audit.AuditEvent>()
            .CountAsync(e => e.ResourceId == quote.Id.ToString() && (e.Action == "invoicing.quote_accepted" || e.Action == "invoicing.quote_refused")));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task RecordPayment_SameIdempotencyKeyTwice_OnePayment_SameAnswer_OtherBodyIs409()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1000", null)));
        using var http = await factory.ClientForAsync(World.Finance);
        HttpRequestMessage Request(string amount, string key) => new(HttpMethod.Post, $"/api/v1/invoices/{invoice.Id}/payments")
        {
            Content = JsonContent.Create(new { Amount = amount, Date = TestDates.TodayText, Reference = "VIR-42" }),
            Headers = { { "Idempotency-Key", key } },
        };

        var key = Guid.NewGuid().ToString();
        using var first = await http.SendAsync(Request("300,00", key));
        using var retry = await http.SendAsync(Request("300,00", key));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        using var reused = await http.SendAsync(Request("400,00", key));
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("idempotency.key_reused", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // Four copies of another payment at once, one key: one payment.
        var second = Guid.NewGuid().ToString();
        var raced = await RaceAsync(4, () => http.SendAsync(Request("200,00", second)));
        Assert.All(raced, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));

        var payments = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<InvoicePayment>().Where(p => p.InvoiceId == invoice.Id).Select(p => p.AmountCents).ToListAsync());
        Assert.Equal([30_000L, 20_000L], payments.Order().Reverse());
        Assert.Equal(2, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync(e => e.SourceType == "payment" && e.PieceRef == invoice.Number)));
    }

    [Fact]
    public async Task RecordPayment_FourConcurrentPaymentsOfTheRest_OnlyOneRecorded()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "600", null)));
        using var http = await factory.ClientForAsync(World.Finance);

        // Four people record the whole payment at once, without keys: the remaining check must not pass twice.
        var responses = await RaceAsync(4, () => http.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { Amount = "720,00", Date = TestDates.TodayText, Reference = "VIR" }));

        await AssertOneWinnerAsync(responses, HttpStatusCode.OK);
        var paid = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<InvoicePayment>().Where(p => p.InvoiceId == invoice.Id).SumAsync(p => p.AmountCents));
        Assert.Equal(72_000, paid);
    }

    [Fact]
    public async Task EmployerInvoice_FourConcurrentRequestsForOnePeriod_OneInvoice_ThenFourCreditNotes_OneCreditNote()
    {
        var world = await OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var payroll = await factory.ActorAsync(World.Payroll);
        var first = new DateOnly(TestDates.Today.Year, TestDates.Today.Month, 1).AddMonths(2);   // February 2027 at the default clock
        var period = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var line = $"CONC1;Sam;{StaffPayrollTests.Nir(901)};1991-02-03;FR7630006000011234567890189;intermittent_technician;non;Technicien son;Festival;{TestDates.Text(first)};{TestDates.Text(first.AddDays(4))};40;;2500,00;";
        await OpenYearAsync(factory, first.Year);
        await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer,
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join(";", ImportStaffContracts.Columns) + "\n" + line)), payroll));
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(first.AddDays(5), Actor.System));
        var computed = (await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 50), payroll))).Items;
        foreach (var p in computed.Where(p => p.Period == period))
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(p.Id, payroll));
        }

        using var http = await factory.ClientForAsync(World.Payroll);
        var responses = await RaceAsync(4, () => http.PostAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/invoices", new { Period = period }));

        await AssertOneWinnerAsync(responses, HttpStatusCode.Created);
        var invoices = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<EmployerInvoice>()
            .Where(i => i.EmployerId == world.LilleEmployer && i.Period == period).Select(i => new { i.Id, i.Number }).ToListAsync());
        var invoice = Assert.Single(invoices);
        Assert.Equal(1, await EntriesOfAsync("employer_invoice", invoice.Id.ToString()));

        var credits = await RaceAsync(4, () => http.PostAsJsonAsync($"/api/v1/employer-invoices/{invoice.Id}/credit-note", new { Reason = "Erreur de période" }));

        await AssertOneWinnerAsync(credits, HttpStatusCode.Created);
        var notes = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<EmployerInvoice>()
            .Where(i => i.CreditedInvoiceId == invoice.Id).Select(i => i.Number).ToListAsync());
        Assert.Equal(Sequence(invoice.Number) + 1, Sequence(Assert.Single(notes)));
        var check = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Ledger.Features.CheckBooks>().HandleAsync(null));
        Assert.True(check.IsBalanced);
    }
}

public sealed class SqliteConcurrencyTests(PartageFactory factory) : ConcurrencyTests<PartageFactory>(factory);

public sealed class PostgresConcurrencyTests(PostgresFactory factory) : ConcurrencyTests<PostgresFactory>(factory);
