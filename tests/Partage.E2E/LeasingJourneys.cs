using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.App.Modules.Activities;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using Partage.Tests.Leasing;

namespace Partage.E2E;

/// <summary>Equipment in the browser: the member asks for a camera, the manager approves, finance records the purchase, the first instalment is taken from the budget, the member reads the schedule.</summary>
public class LeasingJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CameraRequested_Approved_Bought_FirstInstalmentFromTheBudget_MemberSeesTheSchedule()
    {
        var activity = await Leases.FreshActivityAsync(browser.App, fundedCents: 500_000);
        var activityName = (await browser.App.InScopeAsync(s => s.GetRequiredService<IActivitiesApi>().NamesAsync([activity])))[activity];

        // The member asks, with the supplier's quote.
        var member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        await member.GotoAsync("/materiel");
        await member.GetByRole(AriaRole.Link, new() { Name = "Demander du matériel" }).ClickAsync();
        await member.GetByLabel("Activité", new() { Exact = true }).SelectOptionAsync(activity.ToString());
        await member.GetByLabel("Type de matériel").SelectOptionAsync("video");
        await member.GetByLabel("Le matériel (marque, modèle, accessoires)").FillAsync("Caméra Sony FX3 et deux objectifs");
        await member.GetByLabel("Fournisseur", new() { Exact = true }).FillAsync("Phototech Lille");
        await member.GetByLabel("Prix hors taxes (€)").FillAsync("1 200");
        await member.GetByLabel("Prix toutes taxes comprises (€)").FillAsync("1 440,00");
        await member.GetByLabel(new Regex("^Durée de remboursement souhaitée")).FillAsync("12");
        await member.GetByLabel("Devis du fournisseur (PDF ou image, 10 Mo au plus)").SetInputFilesAsync(new FilePayload
        {
            Name = "devis-phototech.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await member.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("envoyée");
        var leaseUrl = new Uri(member.Url).AbsolutePath;
        await Assertions.Expect(member.GetByText("Demande à étudier")).ToBeVisibleAsync();

        // The office's manager reads the review and approves: twelve months, first due in fifteen days.
        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync(leaseUrl);
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Étude de la demande" })).ToBeVisibleAsync();
        var firstDue = browser.App.Today.AddDays(15);
        await manager.GetByLabel("Durée (mois)").FillAsync("12");
        await manager.GetByLabel(new Regex("^Première échéance")).FillAsync(firstDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Accorder la demande" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Demande accordée");

        // Finance records the supplier's invoice: the schedule is written.
        var finance = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GotoAsync(leaseUrl);
        await finance.GetByLabel("Numéro de la facture du fournisseur").FillAsync("PT-2026-4411");
        await finance.GetByLabel("Montant hors taxes (€)").FillAsync("1200");
        await finance.GetByLabel("TVA (€)").FillAsync("240");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'achat" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("Achat enregistré");
        var before = await BrowserFixture.AvailableAsync(finance, activity);

        // On the first due date finance runs the day's collection: the instalment is taken from the activity's budget.
        // Fifteen days later: everyone signs in again (a session does not outlive two weeks).
        browser.App.Clock.Advance(TimeSpan.FromDays(15));
        finance = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GotoAsync("/materiel");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Collecter" }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync("échéance prise sur les budgets");
        var after = await BrowserFixture.AvailableAsync(finance, activity);

        // The member reads the schedule: the first instalment paid from the budget on its day, eleven to come.
        member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        await member.GotoAsync(leaseUrl);
        var first = member.Locator("table").Last.Locator("tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Prélevée sur le budget le " + firstDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        var amount = BrowserFixture.ParseEuros(await first.Locator("td").Nth(2).InnerTextAsync());
        Assert.Equal(before - amount, after);
        await Assertions.Expect(member.GetByText("À venir")).ToHaveCountAsync(11);
        await Assertions.Expect(member.GetByText(activityName).First).ToBeVisibleAsync();
        var findings = (await member.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(findings);
        await BrowserFixture.ScreenshotAsync(member, "60-echeancier-materiel");
    }
}
