using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Governance.Features;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>An assembly in the browser: governance convenes, the member follows the e-mail's link and votes, governance closes, reads the results and the minutes.</summary>
public class GovernanceJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Convocation_MemberVotesOnline_GovernanceCloses_ResultsAndMinutes()
    {
        await Books.OpenAsync(browser.App);
        var governance = await browser.App.ActorAsync(World.Governance);
        var member = await browser.App.ActorAsync(World.LilleMemberEmail);
        await browser.App.InScopeAsync(async s => await s.GetRequiredService<DecideApplication>().HandleAsync(
            (await s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput(PaysByDeduction: false), member)).Id,
            new DecideApplicationInput(true, "Conseil d'administration du 20/11/2026", PaidInFull: true), governance));
        var today = browser.App.Clock.Today();
        var created = await browser.App.InScopeAsync(s => s.GetRequiredService<CreateAssembly>().HandleAsync(new CreateAssemblyInput("SCIC", "Ordinary", "Assemblée de printemps",
            "Maison de la coopération, Lille", $"{today.AddDays(16):yyyy-MM-dd}T18:00", $"{today:yyyy-MM-dd}T00:00", $"{today.AddDays(16):yyyy-MM-dd}T21:00"), governance));

        // Governance adds the agenda and convenes, in the browser.
        var staff = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, World.Governance);
        await staff.GotoAsync($"/assemblees/{created.Id}");
        await staff.GetByLabel("Titre").FillAsync("Approbation des comptes");
        await staff.GetByLabel("Texte").FillAsync("L'assemblée approuve les comptes de l'exercice.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Résolution ajoutée");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Convoquer l'assemblée" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Assemblée convoquée");

        // The member's convocation: an e-mail with the PDF and the link to vote.
        var mail = await browser.App.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.To == World.LilleMemberEmail && m.AttachmentName == $"convocation-{created.Number}.pdf").SingleAsync());
        Assert.Contains("Approbation des comptes", Poppler.Text(mail.Attachment!), StringComparison.Ordinal);
        var link = new Regex(@"/assemblees/[0-9a-f-]{36}").Match(mail.Body).Value;
        Assert.Equal($"/assemblees/{created.Id}", link);

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GotoAsync(link);
        var findings = (await page.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(findings);
        await page.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le vote sur la résolution 1 est obligatoire.").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Résolution 1" }).GetByLabel("Pour").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vote enregistré");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Accusé de réception");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Voter" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "50-vote-assemblee");

        // Governance sees the turnout, closes, reads the result and the minutes.
        await staff.GotoAsync($"/assemblees/{created.Id}");
        await Assertions.Expect(staff.Locator("[data-turnout=A]")).ToHaveTextAsync("1");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Clore le vote" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Vote clos");
        await Assertions.Expect(staff.Locator("[data-outcome='1']")).ToHaveTextAsync("Adoptée");
        await BrowserFixture.ScreenshotAsync(staff, "51-resultats-assemblee");
        var minutes = await staff.APIRequest.GetAsync($"/assemblees/{created.Id}?handler=Document&minutes=true");
        Assert.Equal("application/pdf", minutes.Headers["content-type"]);
        Assert.Contains("Résolution 1 — Approbation des comptes : Adoptée", Poppler.Text(await minutes.BodyAsync()), StringComparison.Ordinal);
    }
}
