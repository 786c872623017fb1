using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Purchases;

/// <summary>The payroll's flat rates for a job's meals and nights, dated data with their source.</summary>
public class JobAllowanceRatesTests
{
    [Theory]
    [InlineData(JobAllowance.MealOnSite, "2026-03-01", "7.50")]
    [InlineData(JobAllowance.MealOutside, "2026-03-01", "10.40")]
    [InlineData(JobAllowance.MealRestaurant, "2026-03-01", "21.40")]
    [InlineData(JobAllowance.LodgingParis, "2026-03-01", "76.60")]
    [InlineData(JobAllowance.LodgingElsewhere, "2026-03-01", "56.80")]
    [InlineData(JobAllowance.MealRestaurant, "2025-12-31", "21.10")]
    [InlineData(JobAllowance.LodgingParis, "2025-06-30", "75.60")]
    [InlineData(JobAllowance.MealRestaurant, "2024-12-31", null)]
    public void TheLimit_IsTheRowInForceOnTheDay(JobAllowance allowance, string day, string? expected)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var limit = JobAllowances.Limit(ParameterCatalog.Default, allowance, on);
        Assert.Equal(expected is null ? null : Money.FromAmount(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Currency.Eur), limit);
        if (expected is not null)
        {
            Assert.Contains("arrêté du 20 décembre 2002", ParameterCatalog.Default.RowOn(JobAllowances.ParameterCode(allowance), on)!.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PayrollStaffsOwnRow_ReplacesTheShippedOneFromItsDate()
    {
        var catalog = ParameterCatalog.Default.With([new ParameterValue("frais_repas_restaurant", new DateOnly(2026, 7, 1), 22.00m, "notice", IsSetting: false)]);
        Assert.Equal(Money.Eur(2_140), JobAllowances.Limit(catalog, JobAllowance.MealRestaurant, new DateOnly(2026, 6, 30)));
        Assert.Equal(Money.Eur(2_200), JobAllowances.Limit(catalog, JobAllowance.MealRestaurant, new DateOnly(2026, 7, 1)));
    }
}

/// <summary>
/// A member's meals and nights on the days of their job, at the payroll's flat rates: counted per day, refused outside
/// the job, on another's job or on a DFS job, approved and posted to travel expenses — on both databases.
/// </summary>
public abstract class JobAllowanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task MealsAndANightOfAJob_AtTheDaysRate_CountedPerDay_ApprovedAndPosted()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var start = Payroll.Hiring.NextDay(3);
        var job = await Payroll.Hiring.CountersignedAsync(factory, Payroll.Hiring.Artist(world.LilleActivity, start, days: 3));
        var withDfs = await Payroll.Hiring.CountersignedAsync(factory, Payroll.Hiring.Artist(world.LilleActivity, Payroll.Hiring.NextDay(), gross: "400") with { Dfs = "musician" });
        factory.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(2).ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero));
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var catalog = ParameterCatalog.Default;
        var day = Payroll.Hiring.Day(start);

        var meals = await SubmitAsync(new(null, day, null, null, null, null, null, null, JobNumber: job.Number, Allowance: "MealRestaurant", Count: "2"), member);
        Assert.Equal((JobAllowances.Limit(catalog, JobAllowance.MealRestaurant, start)!.Value.Cents * 2, world.LilleActivity, ExpenseCategory.Travel, job.Number),
            (meals.Amount.Cents, meals.ActivityId, meals.Category, meals.JobNumber));
        Assert.Contains(job.Number, meals.Description, StringComparison.Ordinal);
        var night = await SubmitAsync(new(world.LilleActivity.ToString(), day, "Hôtel à Lille", null, null, null, null, null, JobNumber: job.Number, Allowance: "LodgingParis"), member);
        Assert.Equal(JobAllowances.Limit(catalog, JobAllowance.LodgingParis, start), night.Amount);

        async Task RefusedAsync(ExpenseNoteInput input, string field, string words, Actor? by = null)
        {
            var e = await Assert.ThrowsAsync<InputValidationException>(() => SubmitAsync(input, by ?? member));
            Assert.Contains(words, string.Join(" ", e.Errors[field]), StringComparison.Ordinal);
        }

        ExpenseNoteInput Allowance(string? jobNumber, string date, string? allowance, string? count = null) =>
            new(null, date, null, null, null, null, null, null, JobNumber: jobNumber, Allowance: allowance, Count: count);
        await RefusedAsync(Allowance(job.Number, day, "MealOutside"), "Count", "vos notes du");                            // a third meal that day
        await RefusedAsync(Allowance(job.Number, day, "LodgingElsewhere"), "Count", "Une nuit par jour au plus");          // a second night
        await RefusedAsync(Allowance(job.Number, Payroll.Hiring.Day(start.AddDays(1)), "MealOnSite", "3"), "Count", "Deux repas par jour au plus");
        await RefusedAsync(Allowance(job.Number, Payroll.Hiring.Day(start.AddDays(1)), "MealOnSite", "1,5"), "Count", "nombre entier");
        await RefusedAsync(Allowance(job.Number, Payroll.Hiring.Day(start.AddDays(1)), "MealOnSite", "-1"), "Count", "nombre entier");
        await RefusedAsync(Allowance(job.Number, Payroll.Hiring.Day(start.AddDays(-1)), "MealOnSite"), "Date", $"un jour du contrat {job.Number}");
        await RefusedAsync(Allowance(job.Number, day, "Champagne"), "Allowance", "valeur inconnue");
        await RefusedAsync(Allowance("CT-LNA-1999-000001", day, "MealOnSite"), "JobNumber", "Aucun de vos contrats");
        await RefusedAsync(Allowance(null, day, "MealOnSite"), "JobNumber", "Choisissez le contrat");
        await RefusedAsync(Allowance(withDfs.Number, day, "MealOnSite"), "JobNumber", "déduction forfaitaire spécifique");
        await RefusedAsync(Allowance(job.Number, day, "MealOnSite") with { ActivityId = world.ParisActivity.ToString() }, "ActivityId", "une de vos activités");
        await RefusedAsync(Allowance(job.Number, day, "MealOnSite"), "JobNumber", "Aucun de vos contrats", await factory.ActorAsync(World.ParisMemberEmail));
        await RefusedAsync(Allowance(job.Number, Payroll.Hiring.Day(start.AddDays(1)), "MealOnSite") with { Amount = "35" }, "Amount", "videz le montant TTC");

        // The manager's refusal frees the day: the night can be claimed again, then both notes are approved and posted.
        var manager = await factory.ActorAsync(World.LilleManager);
        await factory.InScopeAsync(s => s.GetRequiredService<RefuseExpenseNote>().HandleAsync(night.Id, new("Hôtel pris en charge par le lieu"), manager));
        var again = await SubmitAsync(Allowance(job.Number, day, "LodgingElsewhere"), member);
        var spent = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity))).Spent;
        foreach (var note in new[] { meals, again })
        {
            var approved = await factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(note.Id, manager));
            Assert.Equal(ExpenseNoteStatus.Approved, approved.Status);
        }

        Assert.Equal(meals.Amount + again.Amount, (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity))).Spent - spent);
        var books = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Ledger.Features.CheckBooks>().HandleAsync("LNA"));
        Assert.True(books.IsBalanced, string.Join(Environment.NewLine, books.Problems));

        // Two notes of two meals sent at the same instant may both be recorded; approved, the day still counts two meals at most.
        var third = Payroll.Hiring.Day(start.AddDays(2));
        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await SubmitAsync(Allowance(job.Number, third, "MealOutside", "2"), member);
            }
            catch (InputValidationException)
            {
                return null;
            }
        })));
        var recorded = sent.OfType<ExpenseNoteView>().ToList();
        Assert.NotEmpty(recorded);
        var outcomes = new List<string>();
        foreach (var note in recorded)
        {
            try
            {
                await factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(note.Id, manager));
                outcomes.Add("approved");
            }
            catch (DomainException e) when (e.Error == PurchasesErrors.AllowancesExceeded)
            {
                outcomes.Add("refused");
            }
        }

        Assert.Equal(recorded.Count == 1 ? ["approved"] : ["approved", "refused"], outcomes);

        // Through the API as the member's client sends it (multipart form); a retry with the same Idempotency-Key, whose
        // body carries another multipart boundary, is answered with the first note, not a second one or a refusal.
        var client = await factory.ClientForAsync(World.LilleMemberEmail);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> PostAsync()
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Payroll.Hiring.Day(start.AddDays(1))), "date" }, { new StringContent(job.Number), "jobNumber" },
                { new StringContent("MealOnSite"), "allowance" }, { new StringContent("1"), "count" },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/expense-notes", UriKind.Relative)) { Content = form };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var response = await PostAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var retried = await PostAsync();
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var created = await retried.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString(), created.GetProperty("id").GetString());
        Assert.Equal(JobAllowances.Limit(catalog, JobAllowance.MealOnSite, start.AddDays(1))!.Value.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            created.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("MealOnSite", created.GetProperty("allowance").GetString());
    }

    private Task<ExpenseNoteView> SubmitAsync(ExpenseNoteInput input, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<SubmitExpenseNote>().HandleAsync(input, null, actor));
}

public sealed class SqliteJobAllowanceTests(December2026Factory factory) : JobAllowanceTests<December2026Factory>(factory);

public sealed class PostgresJobAllowanceTests(PostgresDecember2026Factory factory) : JobAllowanceTests<PostgresDecember2026Factory>(factory);
