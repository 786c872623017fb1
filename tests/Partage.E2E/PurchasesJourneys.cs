using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;
using Partage.Tests.Purchases;

namespace Partage.E2E;

/// <summary>The spending side in the browser: a supplier's invoice arrives, the member approves it from their home and records an expense note, finance sees the invoice paid.</summary>
public class PurchasesJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SupplierInvoiceArrives_MemberApprovesFromHome_FinanceSeesItPaid()
    {
        var world = await Books.OpenAsync(browser.App);
        await Partage.Tests.Payroll.Hiring.FundAsync(browser.App, world.LilleActivity, 200_000);
        // The platform delivers it: Invoicing hands the file to the Purchases inbox, as its receiving round does for each flow.
        var number = $"E2E-{Guid.NewGuid():N}"[..16];
        var accepted = await browser.App.InScopeAsync(async s =>
        {
            var lna = (await s.GetRequiredService<ILegalEntitiesApi>().ListAsync()).Single(e => e.Code == "LNA");
            var file = SupplierFiles.Cii(number, lna.Siren, ActivityReference.Of(world.LilleActivity), [new("Location d'une console de mixage", 30_000, 20m)]);
            var answer = await s.GetRequiredService<ISupplierInvoiceInbox>().ReceiveAsync(new InboundSupplierInvoice(lna.Id, $"FLOW-{number}", file), Actor.System);
            await s.GetRequiredService<PartageDbContext>().SaveChangesAsync();
            return answer;
        });
        Assert.True(accepted.Accepted, accepted.Reason?.Text);

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GotoAsync("/tableau-de-bord");
        await page.GetByRole(AriaRole.Link, new() { Name = "Facture de Lumière & Son SARL (360,00", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Facture {number} de Lumière & Son SARL" })).ToBeVisibleAsync();
        // The page with its forms (a page with an id in its address is not in the every-page audit).
        var findings = (await page.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(findings);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approuver la facture" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choisissez la nature de la dépense.").First).ToBeVisibleAsync();
        await page.GetByLabel("Nature de la dépense").SelectOptionAsync("Rentals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approuver la facture" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Facture approuvée et comptabilisée (ACH-LNA-");
        await BrowserFixture.ScreenshotAsync(page, "40-facture-fournisseur-approuvee");

        // The member also records what they paid themselves, with the photo of the receipt.
        await page.GotoAsync("/frais/nouvelle");
        Assert.Empty((await page.RunAxe(AccessibilityJourneys.Wcag)).Violations.Where(v => v.Impact is "critical" or "serious").Select(v => $"{v.Id}: {v.Help}"));
        await page.GetByLabel("Activité", new() { Exact = true }).SelectOptionAsync(world.LilleActivity.ToString());
        await page.GetByLabel("Ce qui a été payé").FillAsync("Câble XLR");
        await page.GetByLabel("Nature de la dépense").SelectOptionAsync("Supplies");
        await page.GetByLabel("Montant TTC (€)").FillAsync("24,90");
        await page.GetByLabel("Dont TVA (€, si le justificatif la montre)").FillAsync("4,15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la note" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Joignez le justificatif").First).ToBeVisibleAsync();
        await page.GetByLabel("Justificatif (PDF, photo JPEG ou PNG, 10 Mo au plus)").SetInputFilesAsync(new FilePayload
        {
            Name = "ticket.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note de frais enregistrée (24,90");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ticket.png" })).ToBeVisibleAsync();

        // The day's run pays it with the wages (due 5 December); finance finds it paid.
        var payroll = await browser.App.ActorAsync(World.Payroll);
        await browser.App.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 5), payroll));
        foreach (var batch in (await browser.App.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new Partage.App.Infrastructure.PageRequest(1, 50), payroll))).Items
                     .Where(b => b.Status == Partage.App.Modules.Payroll.PaymentBatchStatus.Built))
        {
            await browser.App.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, payroll));
        }

        var finance = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GotoAsync("/achats?statut=Paid");
        var row = finance.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Payée");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(finance.GetByText("Payée le 05/12/2026")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(finance, "41-facture-fournisseur-payee");
    }
}
