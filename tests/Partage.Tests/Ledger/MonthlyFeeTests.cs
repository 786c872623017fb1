using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

public class MonthlyFeeTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<MonthlyFeeRun> RunAsync(string month) =>
        factory.InScopeAsync(s => s.GetRequiredService<MonthlyFees>().RunAsync(month, Actor.System));

    [Fact]
    public async Task MonthlyFees_EachActiveActivityOfTheRuleChargedOnce_SharesAddUp()
    {
        var world = await OpenAsync(factory);
        // The month of the test clock: the world's activities are created "today".
        var first = new DateOnly(TestDates.Today.Year, TestDates.Today.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var month = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().AddAsync(new NewFeeRuleInput(
            "LNA", BusinessModules.Shows, TestDates.Text(first), 6.5m, null, 1_500,
            [new("Fonds de garantie", 2m, ChartOfAccounts.GuaranteeFund), new("Fonctionnement", 4.5m, ChartOfAccounts.CooperativeFee)]), Actor.System));
        var charged = await factory.InScopeAsync(s => s.GetRequiredService<IFeeBearingActivities>().ActiveAsync(Lna, BusinessModules.Shows, last));
        Assert.Contains(world.LilleActivity, charged);
        var before = await BudgetAsync(factory, world.LilleActivity);

        var run = await RunAsync(month);

        // Only LNA's shows carry a fixed amount: the other rules (6.5 % without a fixed part) charge nothing.
        Assert.Equal(charged.Count, run.Activities);
        Assert.Equal(Money.Eur(1_500L * charged.Count), run.Total);
        var after = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(before.Balance - Money.Eur(1_500), after.Balance);
        var entries = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().AsNoTracking()
            .Where(e => e.SourceType == "monthly_fee").Include(e => e.Postings).ToListAsync());
        Assert.Equal(charged.Count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(last, e.AccountingDate);
            // 15.00 split 2 : 4.5 → 4.62 + 10.38, never a cent lost.
            Assert.Equal([1_500L, 462L, 1_038L], e.Postings.OrderBy(p => p.LineNumber).Select(p => p.Amount));
        });

        var again = await RunAsync(month);
        Assert.Equal(run, again);
        Assert.Equal(charged.Count, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync(e => e.SourceType == "monthly_fee")));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("novembre")]
    [InlineData("")]
    public async Task MonthlyFees_BadMonth_RefusedWithMessage(string month)
    {
        await OpenAsync(factory);
        var error = await Assert.ThrowsAsync<InputValidationException>(() => RunAsync(month));
        Assert.Equal("Le mois s'écrit AAAA-MM.", error.Errors["Month"][0]);
    }
}
