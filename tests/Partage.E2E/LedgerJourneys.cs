using Microsoft.Playwright;
using Partage.App.Modules.Ledger;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>The ledger issue's journeys: a member reads their budget and statement; finance closes a month and a posting into it is refused.</summary>
public class LedgerJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Member_ReadsBudgetAndStatementOfTheirActivity()
    {
        var world = await Books.OpenAsync(browser.App);
        var a = world.LilleActivity;
        await Books.PostAsync(browser.App, Books.Lna, Books.D(3, 5), Guid.NewGuid().ToString("N"), ("411", Side.Debit, 150_000, a), ("706", Side.Credit, 150_000, a));
        await Books.PostAsync(browser.App, Books.Lna, Books.D(3, 20), Guid.NewGuid().ToString("N"), ("641", Side.Debit, 40_000, a), ("421", Side.Credit, 40_000, null));

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quartet Durand" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget" })).ToBeVisibleAsync();
        // 1,500.00 earned − 400.00 spent = 1,100.00; 1,500.00 still to be paid by the client.
        await Assertions.Expect(page.Locator("[data-figure=available]")).ToHaveTextAsync("-400,00\u00a0€");
        // The explanation adds up on screen: 1,500.00 earned, of which 1,500.00 not yet paid, 400.00 spent.
        await page.GetByText("Comment ce montant est calculé").ClickAsync();
        var explanation = page.Locator("[data-budget-explanation] tr");
        await Assertions.Expect(explanation).ToHaveCountAsync(6);
        await Assertions.Expect(explanation.Nth(2)).ToContainTextAsync("0,00\u00a0€");
        await Assertions.Expect(explanation.Nth(3)).ToContainTextAsync("-400,00\u00a0€");
        await Assertions.Expect(explanation.Nth(5)).ToContainTextAsync("= Disponible-400,00\u00a0€");
        await Assertions.Expect(page.Locator("[data-balance-chart] rect")).ToHaveCountAsync(12);
        var rows = page.Locator("section[aria-labelledby=statement-title] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("1\u202f100,00\u00a0€");
        await BrowserFixture.ScreenshotAsync(page, "11-member-budget-statement");

        await page.GetByLabel("Du").FillAsync("2026-03-10");
        await page.GetByLabel("Au").FillAsync("2026-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("1\u202f500,00\u00a0€");   // opening balance of the period

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("2026-03-20;", csv, StringComparison.Ordinal);
        Assert.Contains(";-400,00;1100,00", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finance_ClosesAMonth_ThenAPostingIntoItIsRefused()
    {
        await Books.OpenAsync(browser.App);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.Finance);
        await page.GotoAsync("/comptabilite?entity=GE");
        await page.GetByLabel("Clôturer le mois").SelectOptionAsync("2026-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clôturer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("avril 2026 est clôturé pour GE.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Period option[value='2026-04']")).ToHaveCountAsync(0);

        await page.GetByLabel("Date comptable").FillAsync("2026-04-15");
        await page.GetByLabel("Libellé").FillAsync("Frais bancaires d'avril");
        await page.GetByLabel("Compte de la ligne 1").FillAsync("627");
        await page.GetByLabel("Montant de la ligne 1").FillAsync("12,30");
        await page.GetByLabel("Compte de la ligne 2").FillAsync("512");
        await page.GetByLabel("Montant de la ligne 2").FillAsync("12,30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer l'écriture" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La période 2026-04 est clôturée : aucune écriture ne peut y être passée.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Libellé")).ToHaveValueAsync("Frais bancaires d'avril");
        await BrowserFixture.ScreenshotAsync(page, "12-finance-closed-month-refused");

        await page.GetByLabel("Date comptable").FillAsync("2026-05-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer l'écriture" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Écriture OD-1 passée.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Contrôle : chaque écriture et le livre sont équilibrés.", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "13-finance-books");
    }

    [Fact]
    public async Task Finance_AddsAnAccount_ReadsItsDetail_AddsAFeeRuleAndRunsTheMonth()
    {
        await Books.OpenAsync(browser.App);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.Finance);
        await page.GotoAsync("/comptabilite/comptes?entity=LNA");
        await page.GetByLabel("Numéro (PCG)").FillAsync("0628");
        await page.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Cotisations diverses");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Number-erreur")).ToHaveTextAsync("Un compte du PCG s'écrit avec au moins trois chiffres, de la classe 1 à 8.");
        await Assertions.Expect(page.Locator("input[name='Input.Number']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Libellé", new() { Exact = true })).ToHaveValueAsync("Cotisations diverses");
        await page.GetByLabel("Numéro (PCG)").FillAsync("6281");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Compte 6281 — Cotisations diverses ajouté.")).ToBeVisibleAsync();

        // A manual entry on the new account, then its detail from the trial balance.
        await page.GotoAsync("/comptabilite?entity=LNA");
        await page.GetByLabel("Date comptable").FillAsync("2026-06-15");
        await page.GetByLabel("Libellé").FillAsync("Cotisation syndicale");
        await page.GetByLabel("Compte de la ligne 1").FillAsync("6281");
        await page.GetByLabel("Montant de la ligne 1").FillAsync("80");
        await page.GetByLabel("Compte de la ligne 2").FillAsync("512");
        await page.GetByLabel("Montant de la ligne 2").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer l'écriture" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "6281", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compte 6281 — LNA" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr").Nth(1)).ToContainTextAsync("Cotisation syndicale");
        await Assertions.Expect(page.Locator("tbody tr").Last).ToContainTextAsync("80,00\u00a0€");
        await BrowserFixture.ScreenshotAsync(page, "14-finance-account-detail");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        Assert.Contains(";Cotisation syndicale;", await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);

        // SCIC's audiovisual activities: none of the other journeys reads their budgets.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contributions coopératives" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "SCIC", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contributions coopératives — SCIC" })).ToBeVisibleAsync();
        await page.GetByLabel("Module").SelectOptionAsync(new SelectOptionValue { Label = "Audiovisuel" });
        await page.GetByLabel("Date d'effet").FillAsync("2026-11-01");
        await page.GetByLabel("Taux (% du montant HT)").FillAsync("6,5");
        await page.GetByLabel("Forfait mensuel par activité (€, facultatif)").FillAsync("15");
        await page.GetByLabel("Libellé de la part 1").FillAsync("Fonds de garantie");
        await page.GetByLabel("Points de la part 1").FillAsync("2");
        await page.GetByLabel("Compte de la part 1").FillAsync("4671");
        await page.GetByLabel("Libellé de la part 2").FillAsync("Fonctionnement");
        await page.GetByLabel("Points de la part 2").FillAsync("4");
        await page.GetByLabel("Compte de la part 2").FillAsync("7062");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la règle" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La somme des parts doit égaler le taux.")).ToBeVisibleAsync();
        await page.GetByLabel("Points de la part 2").FillAsync("4,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la règle" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Règle Audiovisuel à 6,5 % en vigueur à partir du 01/11/2026.")).ToBeVisibleAsync();

        await page.GetByLabel("Mois", new() { Exact = true }).FillAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer les forfaits du mois" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Forfaits de novembre 2026 :", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "15-finance-fee-rules");
    }
}
