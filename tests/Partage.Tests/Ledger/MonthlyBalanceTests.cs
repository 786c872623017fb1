using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

/// <summary>The twelve month-end balances the activity page draws, from the postings, on SQLite and PostgreSQL.</summary>
public abstract class MonthlyBalanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task MonthEndBalances_MoveWithThePostingsOfTheirMonth_NotWithLaterOnes()
    {
        var world = await OpenAsync(factory);
        var activity = world.LilleActivity;
        var before = await BalancesAsync(activity);
        Assert.Equal(12, before.Count);
        Assert.Equal((new DateOnly(2025, 11, 1), D(10, 1)), (before[0].Month, before[^1].Month));   // November 2025 … October 2026

        await PostAsync(factory, Lna, D(3, 10), Guid.NewGuid().ToString("N"), ("411", Side.Debit, 100_000, activity), ("706", Side.Credit, 100_000, activity));
        await PostAsync(factory, Lna, D(3, 31), Guid.NewGuid().ToString("N"), ("641", Side.Debit, 30_000, activity), ("421", Side.Credit, 30_000, null));
        await PostAsync(factory, Lna, D(7, 1), Guid.NewGuid().ToString("N"), ("411", Side.Debit, 50_000, activity), ("706", Side.Credit, 50_000, activity));
        await PostAsync(factory, Lna, D(11, 20), Guid.NewGuid().ToString("N"), ("411", Side.Debit, 999_900, activity), ("706", Side.Credit, 999_900, activity));
        var after = await BalancesAsync(activity);

        var moved = after.Zip(before, (a, b) => (a.Month.Month, Cents: a.Balance.Cents - b.Balance.Cents)).ToList();
        Assert.Equal([(11, 0L), (12, 0L), (1, 0L), (2, 0L), (3, 70_000L), (4, 70_000L), (5, 70_000L), (6, 70_000L), (7, 120_000L), (8, 120_000L), (9, 120_000L), (10, 120_000L)], moved);
    }

    /// <summary>Many activities' budgets in one grouped query (a list of identifiers in SQL on both databases) equal each one's own.</summary>
    [Fact]
    public async Task Budgets_OfSeveralActivitiesAtOnce_EqualEachOnesBudget()
    {
        var world = await OpenAsync(factory);
        await PostAsync(factory, Lna, D(4, 2), Guid.NewGuid().ToString("N"), ("411", Side.Debit, 12_345, world.LilleActivity), ("706", Side.Credit, 12_345, world.LilleActivity));
        var (many, lille, paris) = await factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            return (await ledger.BudgetsAsync([world.LilleActivity, world.ParisActivity]), await ledger.BudgetAsync(world.LilleActivity), await ledger.BudgetAsync(world.ParisActivity));
        });
        Assert.Equal(lille, many[world.LilleActivity]);
        Assert.Equal(paris, many[world.ParisActivity]);
        Assert.True(lille.Earned.Cents >= 12_345);
    }

    private Task<IReadOnlyList<MonthBalance>> BalancesAsync(ActivityId activity) =>
        factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().MonthlyBalancesAsync(activity, D(10, 31), 12));
}

public sealed class SqliteMonthlyBalanceTests(PartageFactory factory) : MonthlyBalanceTests<PartageFactory>(factory);

public sealed class PostgresMonthlyBalanceTests(PostgresFactory factory) : MonthlyBalanceTests<PostgresFactory>(factory);

/// <summary>The detail of a busy account is read page by page, each page carrying the balance forward.</summary>
public sealed class AccountDetailPageTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task AccountDetail_TwoHundredLinesAPage_BalanceBroughtForward()
    {
        var world = await OpenAsync(factory);
        for (var i = 0; i < 205; i++)
        {
            await PostAsync(factory, Lna, D(4, 1 + (i % 28)), Guid.NewGuid().ToString("N"), ("8011", Side.Debit, 100, world.LilleActivity), ("8091", Side.Credit, 100, null));
        }

        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        var first = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/comptabilite/compte?entity=LNA&number=8091&from=2026-04-01&to=2026-04-30"));
        var second = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/comptabilite/compte?entity=LNA&number=8091&from=2026-04-01&to=2026-04-30&p=2"));
        static int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<td>LNA-|<td>OD-").Count;
        Assert.Equal(200, Rows(first));
        Assert.True(Rows(second) >= 5, $"{Rows(second)} lines on page 2");
        Assert.Contains("Solde reporté de la page précédente", second, StringComparison.Ordinal);
        Assert.Contains("page 2 sur 2", second, StringComparison.Ordinal);

        // The page read from the database carries exactly what the whole period, read at once, has at that point.
        var all = await factory.InScopeAsync(s => s.GetRequiredService<GetAccountDetail>().HandleAsync("LNA", "8091", "2026-04-01", "2026-04-30", Actor.System));
        var page = await factory.InScopeAsync(s => s.GetRequiredService<GetAccountDetail>().PageAsync("LNA", "8091", "2026-04-01", "2026-04-30", 3, 90, Actor.System));
        Assert.Equal((3, 3, all.Lines.Count), (page.Page, page.PageCount, page.TotalLines));
        Assert.Equal(all.Lines[179].RunningBalance, page.BroughtForward);
        Assert.Equal(all.Lines.Skip(180), page.Lines);
        Assert.Equal(all.Closing, page.Closing);
        var beyond = await factory.InScopeAsync(s => s.GetRequiredService<GetAccountDetail>().PageAsync("LNA", "8091", "2026-04-01", "2026-04-30", int.MaxValue, 90, Actor.System));
        Assert.Equal(page.Lines, beyond.Lines);   // a page past the end is the last one

        using var api = await factory.ClientForAsync(World.Finance);
        using var json = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/ledger/accounts/8091/detail?entity=LNA&from=2026-04-01&to=2026-04-30&page=2&pageSize=100"));
        Assert.Equal(100, json.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal(all.Lines[99].RunningBalance.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("broughtForward").GetProperty("amount").GetString());
    }
}
