using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.App.Infrastructure.Mail;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>The invoicing issue's journey: a member creates their client, drafts and issues an invoice, downloads its Factur-X PDF; finance records the payment.</summary>
public class InvoicingJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Member_CreatesClient_IssuesInvoice_FactureXValid_FinanceRecordsPayment()
    {
        await Books.OpenAsync(browser.App);
        var siren = TestIdentifiers.Siren();
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau client" }).ClickAsync();
        await page.GetByLabel("Nom ou raison sociale").FillAsync("Théâtre de la Verrière");
        await page.GetByLabel("Forme juridique").FillAsync("Association loi 1901");
        await page.GetByLabel("Type").SelectOptionAsync("Association");
        await page.GetByLabel("SIREN").FillAsync(siren[..8] + ((siren[8] - '0' + 1) % 10));
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("28 rue Alphonse Mercier");
        await page.GetByLabel("Code postal").FillAsync("59000");
        await page.GetByLabel("Ville").FillAsync("Lille");
        await page.GetByLabel("E-mail de facturation").FillAsync("administration@verriere.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le client" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La clé de contrôle du SIREN est incorrecte.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nom ou raison sociale")).ToHaveValueAsync("Théâtre de la Verrière");
        await page.GetByLabel("SIREN").FillAsync(siren);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le client" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Client créé.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Factures" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle facture" }).ClickAsync();
        await page.GetByLabel("Client", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Théâtre de la Verrière — SIREN {siren[..3]} {siren[3..6]} {siren[6..]} — Lille" });
        await page.GetByLabel("Date de la prestation").FillAsync("2026-11-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ajoutez au moins une ligne (désignation, quantité, prix unitaire).").First).ToBeVisibleAsync();
        await page.GetByLabel("Désignation de la ligne 1").FillAsync("Concert du 14 novembre");
        await page.GetByLabel("Quantité de la ligne 1").FillAsync("1");
        await page.GetByLabel("Prix unitaire de la ligne 1").FillAsync("1 200,00");
        await page.GetByLabel("TVA de la ligne 1").SelectOptionAsync("FR_2_1");
        // The totals follow the typing (the editor's script computes them as the server will).
        await Assertions.Expect(page.Locator("[data-total=gross]")).ToHaveTextAsync("1\u202f225,20\u00a0€");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne" }).ClickAsync();
        await page.GetByLabel("Désignation de la ligne 2").FillAsync("Régie son");
        await page.GetByLabel("Quantité de la ligne 2").FillAsync("4");
        await page.GetByLabel("Unité de la ligne 2").SelectOptionAsync("HUR");
        await page.GetByLabel("Prix unitaire de la ligne 2").FillAsync("45,50");
        await Assertions.Expect(page.Locator("[data-total=gross]")).ToHaveTextAsync("1\u202f443,60\u00a0€");
        await Assertions.Expect(page.GetByText("TVA 2,1 % sur 1\u202f200,00\u00a0€")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "05-invoice-editor-totals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brouillon de facture" })).ToBeVisibleAsync();
        // 1,200.00 at 2.1 % (25.20) + 182.00 at 20 % (36.40) = 1,443.60 incl. VAT.
        await Assertions.Expect(page.Locator("[data-figure=gross]")).ToHaveTextAsync("1\u202f443,60\u00a0€");
        await page.GetByRole(AriaRole.Button, new() { Name = "Émettre la facture" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Facture émise.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Facture [A-Z]+-2026-\d{6}$") })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "16-member-invoice-issued");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger la facture Factur-X (PDF)" }).ClickAsync());
        var pdf = Path.Combine(BrowserFixture.ArtifactsFolder, "16-invoice-factur-x.pdf");
        await download.SaveAsAsync(pdf);
        var report = await EInvoiceValidator.ValidatePdfAsync(pdf);
        Assert.True(report.Passed, report.ToString());
        var url = page.Url;

        var finance = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GotoAsync(url);
        await finance.GetByLabel("Montant (€)").FillAsync("2000");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("Le paiement (2\u202f000,00\u00a0€) dépasse le reste à payer (1\u202f443,60\u00a0€).")).ToBeVisibleAsync();
        await finance.GetByLabel("Montant (€)").FillAsync("1443,60");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("Paiement enregistré. Reste dû : 0,00\u00a0€.")).ToBeVisibleAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Heading, new() { Name = "Payée" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(finance, "17-finance-invoice-paid");
    }

    [Fact]
    public async Task Finance_ImportsStatement_MatchesTheUnknownReceiptByHand()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        var invoice = await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "500", null)));
        var file = Path.Combine(BrowserFixture.ArtifactsFolder, "18-camt053.xml");
        await File.WriteAllTextAsync(file, BankStatementTests.Camt("08", "E2E-STATEMENT-1",
            new BankStatementTests.Credit(600m, Rf: invoice.PaymentReference), new BankStatementTests.Credit(75m, Text: "VIREMENT SANS REFERENCE", Debtor: "M. Inconnu")));

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.Finance);
        await page.GetByRole(AriaRole.Link, new() { Name = "Banque" }).ClickAsync();
        await page.GetByLabel("Entité").SelectOptionAsync("LNA");
        await page.GetByLabel("Fichier du relevé").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Relevé E2E-STATEMENT-1 : 2 encaissements (675,00\u00a0€), 1 rapprochés, 0 en partie, 1 à identifier", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=waiting-title] tbody tr")).ToHaveCountAsync(1);

        await page.GetByLabel("Entité").SelectOptionAsync("LNA");
        await page.GetByLabel("Fichier du relevé").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le relevé E2E-STATEMENT-1 a déjà été importé : rien n'a changé.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "18-finance-bank-statement");

        var other = await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "100", null)));
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Numéro de facture pour")).FillAsync(other.Number!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Affecter" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Encaissement affecté à la facture {other.Number}.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aucun encaissement en attente.")).ToBeVisibleAsync();

        // A transfer without the reference, of the amount due, from the client's name: Partage suggests the invoice, one click reconciles it.
        var third = await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Stage de danse", "1", "C62", "250", null)));
        var second = Path.Combine(BrowserFixture.ArtifactsFolder, "18-camt053-second.xml");
        await File.WriteAllTextAsync(second, BankStatementTests.Camt("08", "E2E-STATEMENT-2", new BankStatementTests.Credit(300m, Text: "VIREMENT STAGE", Debtor: client.Name)));
        await page.GetByLabel("Entité").SelectOptionAsync("LNA");
        await page.GetByLabel("Fichier du relevé").SetInputFilesAsync(second);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Relevé E2E-STATEMENT-2 : 1 encaissements (300,00\u00a0€), 0 rapprochés, 0 en partie, 1 à identifier", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "18-finance-bank-suggestion");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Affecter à {third.Number}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Encaissement affecté à la facture {third.Number}.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aucun encaissement en attente.")).ToBeVisibleAsync();

        // The statement's history: its line, now reconciled.
        await page.GetByRole(AriaRole.Link, new() { Name = "E2E-STATEMENT-2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Relevé E2E-STATEMENT-2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Rapproché");

        // The invoice list sorted by amount, then exported as staff take it away (CSV for a French spreadsheet, and .xlsx).
        await page.GotoAsync("/factures");
        await page.GetByRole(AriaRole.Link, new() { Name = "TTC", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToHaveTextAsync("TTC");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var csvText = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains(third.Number!, csvText, StringComparison.Ordinal);
        Assert.Contains("300,00", csvText, StringComparison.Ordinal);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync());
        Assert.Equal("factures.xlsx", xlsx.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(await xlsx.PathAsync()))[..2]);
    }

    /// <summary>
    /// An invoice above the threshold waits for the manager, who sends it back with a reason; the member is told (notice and
    /// e-mail), reads the reason on the invoice, corrects it and submits it again; the manager validates it.
    /// </summary>
    [Fact]
    public async Task Manager_SendsAnInvoiceBack_MemberIsNotified_CorrectsIt_ManagerValidates()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        var draft = await Sales.DraftAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Tournée d'hiver", "1", "C62", "9500", null)), await browser.App.ActorAsync(World.LilleMemberEmail));
        var member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        await member.GotoAsync($"/factures/{draft.Id}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Émettre la facture" }).ClickAsync();
        await Assertions.Expect(member.GetByText("La facture dépasse le seuil : elle attend la validation de votre gestionnaire d'activité.")).ToBeVisibleAsync();

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d+ factures? à valider") }).ClickAsync();
        await Assertions.Expect(manager.GetByText(client.Name).First).ToBeVisibleAsync();
        await manager.GotoAsync($"/factures/{draft.Id}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Renvoyer avec ce motif" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Le motif est obligatoire.").First).ToBeVisibleAsync();
        await manager.GetByLabel("Motif (le membre le lira)").FillAsync("Ajoutez le numéro de bon de commande du client.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Renvoyer avec ce motif" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Facture renvoyée au membre avec votre motif.")).ToBeVisibleAsync();

        await member.GotoAsync("/tableau-de-bord");
        await member.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Notifications \(\d+ non lues?\)") }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(member, "22-member-notifications");
        await member.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("vous est renvoyée : Ajoutez le numéro de bon de commande du client\\.") }).First.ClickAsync();
        await Assertions.Expect(member.GetByText("Renvoyée par votre gestionnaire d'activité : « Ajoutez le numéro de bon de commande du client. »")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "23-member-invoice-sent-back");
        await member.GetByRole(AriaRole.Link, new() { Name = "Modifier ou supprimer le brouillon" }).ClickAsync();
        await member.GetByLabel("Bon de commande").FillAsync("BC-2026-118");
        await member.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Brouillon enregistré.")).ToBeVisibleAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Émettre la facture" }).ClickAsync();
        await Assertions.Expect(member.GetByText("La facture dépasse le seuil : elle attend la validation de votre gestionnaire d'activité.")).ToBeVisibleAsync();

        await manager.GotoAsync($"/factures/{draft.Id}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Valider et émettre" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Facture validée et émise.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Facture [A-Z]+-\d{4}-\d{6}$") })).ToBeVisibleAsync();

        // The e-mail that went with the notice carries the reason too.
        var mails = await browser.App.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().Where(m => m.To == World.LilleMemberEmail).ToListAsync());
        Assert.Contains(mails, m => m.Body.Contains("Ajoutez le numéro de bon de commande du client.", StringComparison.Ordinal));
    }

    /// <summary>
    /// The issue's whole loop in one journey: quote, acceptance through the link, invoice in one
    /// click, PDF, bank statement, paid, the activity's available money up by the net less the fee;
    /// then an invoice left unpaid, covered by the fund, and the available money unchanged.
    /// </summary>
    [Fact]
    public async Task QuoteToCash_ClientAccepts_InvoicePaidByStatement_BudgetMoves_UnpaidOneCoveredByTheFund()
    {
        var world = await Books.OpenAsync(browser.App);
        var client = await Sales.FrenchClientAsync(browser.App);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        var availableAtStart = await BrowserFixture.AvailableAsync(page, world.LilleActivity);
        var today = browser.App.Clock.Today();   // another journey of the class may have moved the clock

        await page.GotoAsync("/factures/nouvelle");
        await page.GetByLabel("Client", new() { Exact = true }).SelectOptionAsync(client.Id.ToString());
        await page.GetByLabel("Date de la prestation").FillAsync(today.AddDays(16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Désignation de la ligne 1").FillAsync("Bal de fin d'année");
        await page.GetByLabel("Quantité de la ligne 1").FillAsync("1");
        await page.GetByLabel("Prix unitaire de la ligne 1").FillAsync("900");
        await page.GetByLabel("ou, valable jusqu'au").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer comme devis" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"Devis DV-LNA-\d{4}-\d{6} enregistré\."))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Envoyer DV-") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Devis envoyé au client.")).ToBeVisibleAsync();

        var mail = await browser.App.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().SingleAsync(m => m.To == client.BillingEmail));
        var link = Regex.Match(mail.Body, @"https?://\S+/devis/reponse/\S+").Value;
        var clientPage = await browser.NewPageAsync();
        await clientPage.GotoAsync(new Uri(link).PathAndQuery);
        await clientPage.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis (bon pour accord)" }).ClickAsync();
        await Assertions.Expect(clientPage.GetByText("Votre nom est obligatoire.").First).ToBeVisibleAsync();
        await clientPage.GetByLabel("Votre nom (signataire)").FillAsync("Lucie Martin");
        await clientPage.GetByRole(AriaRole.Button, new() { Name = "Accepter le devis (bon pour accord)" }).ClickAsync();
        await Assertions.Expect(clientPage.GetByText(new Regex(@"est accepté \(bon pour accord de Lucie Martin\)"))).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(clientPage, "20-client-accepts-quote");

        await page.GotoAsync("/devis");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Facturer DV-") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Facture émise à partir du devis accepté.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-figure=gross]")).ToHaveTextAsync("1\u202f080,00\u00a0€");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer au client par e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Envoyée à {client.BillingEmail}.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Envoyée" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger la facture Factur-X (PDF)" }).ClickAsync());
        var pdf = Path.Combine(BrowserFixture.ArtifactsFolder, "20-quoted-invoice-factur-x.pdf");
        await download.SaveAsAsync(pdf);
        var report = await EInvoiceValidator.ValidatePdfAsync(pdf);
        Assert.True(report.Passed, report.ToString());
        var invoiceUrl = new Uri(page.Url).GetLeftPart(UriPartial.Path);
        var reference = await page.Locator("dt:text-is('Référence de paiement') + dd").InnerTextAsync();
        Assert.StartsWith("RF", reference, StringComparison.Ordinal);

        // The bank's statement pays the invoice by the reference printed on it.
        var file = Path.Combine(BrowserFixture.ArtifactsFolder, "21-camt053.xml");
        await File.WriteAllTextAsync(file, BankStatementTests.Camt("02", "E2E-QUOTE-TO-CASH", new BankStatementTests.Credit(1080m, Rf: reference, Debtor: client.Name)));
        var finance = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GotoAsync("/banque");
        await finance.GetByLabel("Entité").SelectOptionAsync("LNA");
        await finance.GetByLabel("Fichier du relevé").SetInputFilesAsync(file);
        await finance.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("Relevé E2E-QUOTE-TO-CASH : 1 encaissements (1\u202f080,00\u00a0€), 1 rapprochés", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync(invoiceUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payée" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "21-member-invoice-paid-by-statement");
        // 900.00 excl. VAT less the cooperative's 6.5 % (58.50): 841.50 more to spend.
        Assert.Equal(availableAtStart + 841.50m, await BrowserFixture.AvailableAsync(page, world.LilleActivity));

        // Another invoice goes unpaid; 30 days after its due date finance has the fund cover it.
        var unpaid = await Sales.IssuedAsync(browser.App, Sales.Draft(world.LilleActivity, client.Id, ("Tournée d'automne", "1", "C62", "2000", null)) with { PaymentTermsDays = 0, PurchaseOrder = "BC-2026-77" });
        var beforeCover = await Books.BudgetAsync(browser.App, world.LilleActivity);
        browser.App.Clock.Advance(TimeSpan.FromDays(31));   // the sign-in cookies expire with it
        await BrowserFixture.SignInAsync(finance, World.Finance);
        await finance.GetByRole(AriaRole.Link, new() { Name = "Fonds de garantie" }).ClickAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = $"Couvrir {unpaid.Number}" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("Facture couverte par le fonds de garantie.")).ToBeVisibleAsync();
        await Assertions.Expect(finance.Locator("section[aria-labelledby=history-title] tbody tr").First).ToContainTextAsync("couverte");
        await BrowserFixture.ScreenshotAsync(finance, "19-finance-guarantee-fund");

        var afterCover = await Books.BudgetAsync(browser.App, world.LilleActivity);
        Assert.Equal(beforeCover.Balance, afterCover.Balance);   // the activity keeps what the sale earned it
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        // What the unpaid sale earned (2,000.00 less 130.00 of fee) is available as if the client had paid.
        Assert.Equal(availableAtStart + 841.50m + 1_870m, await BrowserFixture.AvailableAsync(page, world.LilleActivity));
    }
}
