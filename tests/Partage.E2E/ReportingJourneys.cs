using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>The annual report in the browser: staff open this year's, download the PDF and a table's XLSX; a manager sees their office's only.</summary>
public class ReportingJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StaffOpenTheYearsReport_DownloadPdfAndXlsx_AManagerSeesTheirOfficeOnly()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "2500", null)));
        var year = browser.App.Today.Year;

        var staff = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, World.Finance);
        await staff.GotoAsync("/tableau-de-bord");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Rapport annuel" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Rapport annuel {year} — Groupe" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Facturation par structure (HT)" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Img, new() { Name = "Graphique : Facturation par structure (HT) (les chiffres sont dans le tableau ci-dessus)" })).ToBeVisibleAsync();
        var findings = (await staff.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(findings);
        await BrowserFixture.ScreenshotAsync(staff, "70-rapport-annuel");

        var pdf = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Télécharger le rapport en PDF" }).ClickAsync());
        var pdfText = Poppler.Text(await File.ReadAllBytesAsync((await pdf.PathAsync())!));
        Assert.Contains("Sommaire", pdfText, StringComparison.Ordinal);
        var xlsx = await staff.RunAndWaitForDownloadAsync(() => staff.Locator("#t-invoicing_by_entity").Locator("..").GetByRole(AriaRole.Link, new() { Name = "XLSX" }).ClickAsync());
        Assert.Equal($"invoicing_by_entity-{year}.xlsx", xlsx.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await xlsx.PathAsync())!);
        Assert.Equal((byte)'P', bytes[0]);   // a zip: the workbook

        // The Lille manager asks for Paris and is given Lille: no choice of office, Lille's name on the report.
        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync($"/rapport-annuel?annee={year}&bureau={world.Paris}");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lille");
        await Assertions.Expect(manager.GetByLabel("Bureau", new() { Exact = true })).ToHaveCountAsync(0);
        var member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        var refused = await member.GotoAsync("/rapport-annuel");
        Assert.Equal(404, refused!.Status);
    }

    [Fact]
    public async Task AManagerOpensTheirOfficesDashboard_StaffChooseAnOffice()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "1800", null)));
        var month = browser.App.Today;

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync("/tableau-de-bord");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord du bureau" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lille");
        await Assertions.Expect(manager.GetByLabel("Bureau", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByRole(AriaRole.Img, new() { Name = "Graphique : Facturation HT par mois (les chiffres sont dans le tableau ci-dessus)" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("tr[data-code=invoiced] td").First).Not.ToHaveTextAsync("0,00 €");
        var findings = (await manager.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(findings);
        await BrowserFixture.ScreenshotAsync(manager, "71-tableau-de-bord-bureau");

        // Staff choose the office and the month; a month that does not exist is named, not a 500.
        var staff = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, World.Finance);
        await staff.GotoAsync("/bureaux/tableau-de-bord");
        var paris = await browser.App.InScopeAsync(s => s.GetRequiredService<Partage.App.Modules.Offices.IOfficesApi>().FindOfficeAsync(world.Paris));
        await staff.GetByLabel("Bureau", new() { Exact = true }).SelectOptionAsync(world.Paris.ToString());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(paris!.Name);
        var bad = await staff.GotoAsync($"/bureaux/tableau-de-bord?mois={month.Year}-13");
        Assert.Equal(200, bad!.Status);
        await Assertions.Expect(staff.GetByText("Le mois s'écrit AAAA-MM")).ToBeVisibleAsync();
    }
}
