using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>
/// axe-core (the engine behind most accessibility audits) on every page (the member's and the employer's as they see them, then staff's), and on a refused form:
/// no critical and no serious finding. The report of every finding, minor ones included, is written beside the screenshots.
/// </summary>
public class AccessibilityJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The rules of WCAG 2.0 and 2.1, levels A and AA (what French public accessibility law, the RGAA, builds on).</summary>
    public static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    [Fact]
    public async Task EveryPage_OfEachRole_NoCriticalNorSeriousAxeFinding()
    {
        await Books.OpenAsync(browser.App);
        var routes = browser.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(p => "/" + p.AttributeRouteInfo!.Template)
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && !Path.HasExtension(r) && !r.Contains("deconnexion", StringComparison.Ordinal) && !r.Contains("erreur", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var report = new List<string>();
        var blocking = new List<string>();
        var audited = new HashSet<string>(StringComparer.Ordinal);
        // The member and the employer first (their pages as they see them), then staff on every page left.
        foreach (var email in new[] { World.LilleMemberEmail, World.Employer, World.Admin })
        {
            var page = await browser.NewPageAsync();
            await BrowserFixture.SignInAsync(page, email);
            // Staff see every page; a member and an employer, the pages their menu leads to.
            IEnumerable<string> visit = email == World.Admin ? routes : await page.Locator("nav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            // A route audited for one role is not audited again for the next (same markup, the suite's time is counted).
            foreach (var route in visit.Where(audited.Add))
            {
                var response = await page.GotoAsync(route);
                if (response is null || response.Status != 200 || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                Audit(await page.RunAxe(Wcag), $"{email} {route}", report, blocking);
            }

            await page.Context.CloseAsync();
        }

        // A refused form: fields in error, the summary focused.
        var member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        await member.GotoAsync("/factures/nouvelle");
        await member.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(member.Locator("#erreurs")).ToBeFocusedAsync();
        Audit(await member.RunAxe(Wcag), "formulaire refusé /factures/nouvelle", report, blocking);

        await File.WriteAllLinesAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "axe-report.txt"), report);
        Assert.True(report.Count > 0 || blocking.Count == 0);
        Assert.Equal([], blocking);
    }

    /// <summary>At 390 px (a common phone): the menu folds behind one button, the home and the invoice editor fit the width; every role's home too.</summary>
    [Fact]
    public async Task Phone_MenuFoldsBehindOneButton_HomeAndInvoiceEditorFitTheScreen()
    {
        await Books.OpenAsync(browser.App);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Factures", Exact = true })).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon argent" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the home is wider than the phone");
        await BrowserFixture.ScreenshotAsync(page, "30-phone-member-home");

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Factures", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle facture" }).ClickAsync();
        await page.GetByLabel("Désignation de la ligne 1").FillAsync("Cours de guitare");
        await page.GetByLabel("Quantité de la ligne 1").FillAsync("3");
        await page.GetByLabel("Prix unitaire de la ligne 1").FillAsync("40");
        await Assertions.Expect(page.Locator("[data-total=gross]")).ToHaveTextAsync("144,00\u00a0€");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the invoice editor is wider than the phone");
        await BrowserFixture.ScreenshotAsync(page, "31-phone-invoice-editor");
        await context.CloseAsync();

        // Every other role's home on the same phone: the menu folded, nothing wider than the screen.
        foreach (var (email, name) in new[] { (World.LilleManager, "manager"), (World.Finance, "finance"), (World.Payroll, "payroll"), (World.Employer, "employer") })
        {
            var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            var home = await phone.NewPageAsync();
            await BrowserFixture.SignInAsync(home, email);
            await Assertions.Expect(home.GetByText("Menu", new() { Exact = true })).ToBeVisibleAsync();
            Assert.True(await home.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"the {name}'s home is wider than the phone");
            await BrowserFixture.ScreenshotAsync(home, $"32-phone-{name}-home");
            await phone.CloseAsync();
        }
    }

    private static void Audit(AxeResult result, string where, List<string> report, List<string> blocking)
    {
        report.Add($"{where}: {result.Passes.Length} règles passées, {result.Violations.Length} constats");
        foreach (var violation in result.Violations)
        {
            var line = $"  [{violation.Impact}] {violation.Id} — {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}";
            report.Add(line);
            if (violation.Impact is "critical" or "serious")
            {
                blocking.Add($"{where}{line}");
            }
        }
    }
}
