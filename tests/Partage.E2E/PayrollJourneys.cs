using Microsoft.Playwright;
using Partage.Tests.Infrastructure;

namespace Partage.E2E;

/// <summary>The payroll engine in the browser: a visitor's net simulation; payroll staff set a dated value.</summary>
public class PayrollJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Visitor_SimulatesTheNetOfAJob_StepByStep()
    {
        await browser.App.ReadyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Simulateur" }).ClickAsync();
        await page.GetByLabel("Montant payé par le client (€ HT)").FillAsync("cinq cents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le montant payé par le client").First).ToBeVisibleAsync();
        await page.GetByLabel("Montant payé par le client (€ HT)").FillAsync("500");
        await page.GetByLabel("Vous travaillez comme").SelectOptionAsync("intermittent_artist");
        await page.GetByLabel("Premier jour du travail").FillAsync("2026-12-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=fee]")).ToHaveTextAsync("− 32,50\u00a0€");
        await Assertions.Expect(page.Locator("[data-step=budget]")).ToHaveTextAsync("467,50\u00a0€");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Congés Spectacles" })).ToBeVisibleAsync();
        var net = await page.Locator("[data-step=net]").InnerTextAsync();
        Assert.Matches(@"^\d{3},\d{2}\u00a0€$", net);
        await BrowserFixture.ScreenshotAsync(page, "22-visitor-net-simulator");
    }

    [Fact]
    public async Task PayrollStaff_ReadParametersAtADate_AddADatedValue()
    {
        await browser.App.ReadyAsync();
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.Payroll);
        await page.GetByRole(AriaRole.Link, new() { Name = "Paramètres de paie" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-parameter=smic_horaire]")).ToHaveTextAsync("12,31");
        await page.GetByLabel("À la date du").FillAsync("2026-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-parameter=smic_horaire]")).ToHaveTextAsync("12,02");

        await page.GetByLabel("Réglage", new() { Exact = true }).SelectOptionAsync("conges_spectacles");
        await page.GetByLabel("Date d'effet").FillAsync("2026-04-01");
        await page.GetByLabel("Valeur", new() { Exact = true }).FillAsync("15,5");
        await page.GetByLabel("Source (avis, circulaire, accord)").FillAsync("Avis Audiens du 15 mars 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Un taux est une fraction entre 0 et 1").First).ToBeVisibleAsync();
        await page.GetByLabel("Valeur", new() { Exact = true }).FillAsync("0,155");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Valeur enregistrée : conges_spectacles = 0,155 à partir du 01/04/2026.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-parameter=conges_spectacles]")).ToHaveTextAsync("0,155");
        await BrowserFixture.ScreenshotAsync(page, "23-payroll-parameters");
    }
}
