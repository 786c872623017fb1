using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

public class BudgetAndFeeTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Budgets_ManyInOneQuery_SameAsOneByOne_ActivitiesInTheRedListedAndQueuedForTheirManager()
    {
        var world = await OpenAsync(factory);
        await Payroll.Hiring.FundAsync(factory, world.ParisActivity, 10_000_000);
        // A wage far beyond anything the Lille activity earned in this class: its « disponible » is below zero whatever ran before.
        await PostAsync(factory, Lna, D(5, 12), Key(), ("641", Side.Debit, 10_000_000, world.LilleActivity), ("421", Side.Credit, 10_000_000, null));
        var never = ActivityId.From(Guid.NewGuid());

        var many = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetsAsync([world.LilleActivity, world.ParisActivity, never, world.LilleActivity]));
        Assert.Equal(3, many.Count);
        Assert.Equal(await BudgetAsync(factory, world.LilleActivity), many[world.LilleActivity]);
        Assert.Equal(await BudgetAsync(factory, world.ParisActivity), many[world.ParisActivity]);
        Assert.Equal(new ActivityBudget(never, Money.Eur(0), Money.Eur(0), Money.Eur(0), Money.Eur(0)), many[never]);
        Assert.True(many[world.LilleActivity].Available.Cents < 0);
        Assert.True(many[world.ParisActivity].Available.Cents > 0);

        var red = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Activities.Features.SearchActivities>().HandleAsync(
            new App.Modules.Activities.Features.ActivitySearch { InTheRed = true, PageSize = 200 }, Actor.System));
        Assert.Contains(red.Items, a => a.Id == world.LilleActivity);
        Assert.DoesNotContain(red.Items, a => a.Id == world.ParisActivity);

        var lilleRed = await factory.InScopeAsync(async s => (await s.GetRequiredService<App.Modules.Activities.Features.SearchActivities>().HandleAsync(
            new App.Modules.Activities.Features.ActivitySearch { InTheRed = true, Status = "Active", PageSize = 1 }, await factory.ActorAsync(World.LilleManager))).Total);
        Assert.True(lilleRed >= 1);
        using var manager = await factory.SignedInBrowserAsync(World.LilleManager);
        var home = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync("/tableau-de-bord"));
        Assert.Contains($"href=\"/activites?status=Active&inTheRed=true\"><span class=\"stat\">{lilleRed}</span> {(lilleRed == 1 ? "activité" : "activités")} dans le rouge", home, StringComparison.Ordinal);
        var list = await manager.GetStringAsync("/activites?status=Active&inTheRed=true");
        Assert.Contains("<span class=\"badge late\">", list, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_SaleFeeWageCommitmentPayment_EachFigureFromPostings()
    {
        var world = await OpenAsync(factory);
        var a = world.LilleActivity;   // LNA, production de spectacles

        // Sale of 1,000.00 excl. VAT + 200.00 VAT: the receivable's VAT part is not the activity's.
        var fee = await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().ComputeAsync(Lna, BusinessModules.Shows, D(3, 5), Money.Eur(100_000)));
        await factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            var lines = new List<PostingLine>
            {
                new(await ledger.AccountAsync(Lna, "411"), Side.Debit, Money.Eur(100_000), a),
                new(await ledger.AccountAsync(Lna, "411"), Side.Debit, Money.Eur(20_000)),
                new(await ledger.AccountAsync(Lna, "706"), Side.Credit, Money.Eur(100_000), a),
                new(await ledger.AccountAsync(Lna, "44571"), Side.Credit, Money.Eur(20_000)),
            };
            lines.AddRange(await s.GetRequiredService<CooperativeFees>().LinesAsync(ledger, Lna, fee, a));
            return await ledger.PostAsync(new PostEntryRequest(Lna, "VT", D(3, 5), "Facture F-1", "invoice", "F-1", Key(), lines, "F-2026-0001"), Actor.System);
        });
        await PostAsync(factory, Lna, D(3, 20), Key(), ("641", Side.Debit, 50_000, a), ("421", Side.Credit, 50_000, null));
        await PostAsync(factory, Lna, D(3, 21), Key(), ("8011", Side.Debit, 30_000, a), ("8091", Side.Credit, 30_000, null));

        var budget = await BudgetAsync(factory, a);
        Assert.Equal(Money.Eur(6_500), fee.Total);
        Assert.Equal(Money.Eur(93_500), budget.Earned);        // 1,000.00 − 65.00 fee
        Assert.Equal(Money.Eur(50_000), budget.Spent);
        Assert.Equal(Money.Eur(43_500), budget.Balance);
        Assert.Equal(Money.Eur(100_000), budget.InvoicedUnpaid);
        Assert.Equal(Money.Eur(30_000), budget.Committed);
        Assert.Equal(Money.Eur(-86_500), budget.Available);

        // The client pays 1,200.00: the activity's part of the receivable is settled.
        await PostAsync(factory, Lna, D(4, 2), Key(), ("512", Side.Debit, 120_000, null), ("411", Side.Credit, 100_000, a), ("411", Side.Credit, 20_000, null));
        var paid = await BudgetAsync(factory, a);
        Assert.Equal(Money.Eur(0), paid.InvoicedUnpaid);
        Assert.Equal(Money.Eur(13_500), paid.Available);

        var statement = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().StatementAsync(a, D(3, 1), D(3, 31), null));
        Assert.Equal(new[] { 100_000L, -6_500, -50_000 }, statement.Lines.Select(l => l.Amount.Cents));
        Assert.Equal(new[] { 100_000L, 93_500, 43_500 }, statement.Lines.Select(l => l.RunningBalance.Cents));
        Assert.Equal("F-2026-0001", statement.Lines[0].PieceRef);
        var lastTwo = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().StatementAsync(a, null, null, 2));
        Assert.Equal(2, lastTwo.Lines.Count);
        Assert.Equal(paid.Balance, lastTwo.ClosingBalance);
        Assert.Equal(paid.Balance, lastTwo.Lines[^1].RunningBalance);
        Assert.Equal(lastTwo.ClosingBalance, lastTwo.OpeningBalance + lastTwo.Lines.Select(l => l.Amount).Sum(Currency.Eur));   // the opening is the balance before the lines shown
    }

    [Fact]
    public async Task StatementPdf_FontsEmbedded_TextReadableByPoppler()
    {
        var world = await OpenAsync(factory);
        var a = world.ParisActivity;
        await PostAsync(factory, Lna, D(11, 3), Key(), ("411", Side.Debit, 98_765, a), ("706", Side.Credit, 98_765, a));
        var bytes = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Activities.Features.GetActivityStatement>()
            .PdfAsync(a, "2026-11-01", "2026-11-30", Actor.System));

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var fonts = Poppler.Fonts(bytes).Split('\n').Where(l => l.Contains("DejaVu Sans", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains(" yes ", f, StringComparison.Ordinal));   // embedded
        var text = Poppler.Text(bytes);
        Assert.Contains("Relevé des mouvements — Compagnie Martin", text, StringComparison.Ordinal);
        Assert.Matches(@"987,65\s€", text);   // pdftotext turns the no-break space into a space
        Assert.Contains("Période : 01/11/2026 au 30/11/2026", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000_000, 65_000, 20_000, 45_000)]   // 10,000.00 → 650.00 = 200.00 + 450.00
    [InlineData(777, 51, 16, 35)]                     // 7.77 × 6.5 % = 0.50505 → 0.51, split 2 : 4.5 without losing the cent
    [InlineData(1, 0, 0, 0)]
    public async Task Fee_SixAndAHalfPercent_RoundedOnceAndSplitWithoutLoss(long baseCents, long fee, long fund, long running)
    {
        await factory.ReadyAsync();
        var result = await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().ComputeAsync(Scic, BusinessModules.Projects, D(5, 1), Money.Eur(baseCents)));
        Assert.Equal(fee, result.Total.Cents);
        Assert.Equal(new[] { fund, running }, result.Shares.Select(x => x.Amount.Cents));
        Assert.Equal(new[] { "4671", "7062" }, result.Shares.Select(x => x.AccountNumber));
    }

    [Fact]
    public async Task FeeRule_NewRowFromADate_AppliesFromThatDateOnly_WithCap()
    {
        await factory.ReadyAsync();
        await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().AddAsync(new NewFeeRuleInput("GE", BusinessModules.Projects, "2026-09-01", 8m, 50_000, null,
            [new NewFeeShareInput("Fonds de garantie", 2m, "4671"), new NewFeeShareInput("Fonctionnement", 6m, "7062")]), Actor.System));

        var august = await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().ComputeAsync(LegalEntitiesReferenceData.Ge, BusinessModules.Projects, D(8, 31), Money.Eur(100_000)));
        var september = await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().ComputeAsync(LegalEntitiesReferenceData.Ge, BusinessModules.Projects, D(9, 1), Money.Eur(100_000)));
        var capped = await factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().ComputeAsync(LegalEntitiesReferenceData.Ge, BusinessModules.Projects, D(9, 1), Money.Eur(10_000_000)));
        Assert.Equal(6_500, august.Total.Cents);
        Assert.Equal(8_000, september.Total.Cents);
        Assert.Equal(50_000, capped.Total.Cents);
        Assert.Equal(50_000, capped.Shares.Sum(x => x.Amount.Cents));
    }

    [Fact]
    public async Task FeeRule_SharesNotAddingUpToRate_Refused()
    {
        await factory.ReadyAsync();
        var error = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<CooperativeFees>().AddAsync(
            new NewFeeRuleInput("SCIC", BusinessModules.Projects, "2027-01-01", 7m, null, null, [new NewFeeShareInput("Fonds", 2m, "4671")]), Actor.System)));
        Assert.Contains("somme des parts", error.Errors["Shares"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrialBalance_Period_TotalsEqualAndCsvInFrenchFormat()
    {
        await OpenAsync(factory);
        await PostAsync(factory, Scic, D(10, 5), Key(), ("512", Side.Debit, 123_456, null), ("471", Side.Credit, 123_456, null));
        var balance = await factory.InScopeAsync(s => s.GetRequiredService<GetTrialBalance>().HandleAsync("SCIC", "2026-10-01", "2026-10-31", Actor.System));
        Assert.Equal(balance.TotalDebit, balance.TotalCredit);
        Assert.Equal(Money.Eur(123_456), balance.Rows.Single(r => r.Number == "512").Debit);
        using var csv = new MemoryStream();
        await GetTrialBalance.WriteCsvAsync(balance, csv, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("512;;Banque;1234,56;0,00;1234,56", text, StringComparison.Ordinal);

        var detail = await factory.InScopeAsync(s => s.GetRequiredService<GetAccountDetail>().HandleAsync("SCIC", "512", "2026-10-01", "2026-10-31", Actor.System));
        Assert.Equal(detail.Opening + Money.Eur(123_456), detail.Closing);
    }
}
