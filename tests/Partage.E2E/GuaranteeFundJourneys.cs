using Microsoft.Playwright;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>An invoice goes unpaid, finance has the guarantee fund cover it: the activity's budget keeps its money.</summary>
public class GuaranteeFundJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Finance_CoversAnUnpaidInvoice_ActivityAvailableRestored()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        var invoice = await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Tournée d'automne", "1", "C62", "2000", null)) with { PaymentTermsDays = 0 });
        var before = await Books.BudgetAsync(browser.App, world.LilleActivity);
        browser.App.Clock.Advance(TimeSpan.FromDays(31));

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.Finance);
        await page.GetByRole(AriaRole.Link, new() { Name = "Fonds de garantie" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Couvrir {invoice.Number}" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Facture couverte par le fonds de garantie.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=history-title] tbody tr").First).ToContainTextAsync("couverte");
        await BrowserFixture.ScreenshotAsync(page, "19-finance-guarantee-fund");

        var after = await Books.BudgetAsync(browser.App, world.LilleActivity);
        Assert.Equal(before.Balance, after.Balance);
        Assert.Equal(before.Available + Partage.Kernel.Money.Eur(200_000), after.Available);
    }
}
