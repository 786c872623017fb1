using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.App.Modules.Payroll;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;

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
        await page.GetByRole(AriaRole.Link, new() { Name = "Paie", Exact = true }).ClickAsync();
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
        await page.GetByLabel("Métier du minimum").SelectOptionAsync("musician_singer");
        await page.GetByLabel("Minimum (€)").FillAsync("175,50");
        await page.GetByLabel("À partir du", new() { Exact = true }).FillAsync("2027-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le minimum" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La source (avenant, grille de salaires) est obligatoire.").First).ToBeVisibleAsync();
        await page.GetByLabel("Source (avenant, grille de salaires)").FillAsync("Avenant salaires SVP 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le minimum" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "175,50 €" })).ToBeVisibleAsync();

        // The rate the tax office notified for a member, named by number.
        var world = await World.OfAsync(browser.App);
        var member = await browser.App.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Partage.App.Modules.Members.IMembersApi>(s)
            .FindVisibleAsync(world.LilleMember, Partage.App.Security.Actor.System));
        await page.GetByLabel("N° de membre").FillAsync("999999");
        await page.GetByLabel("Taux (fraction : 0,062 pour 6,2 %)").FillAsync("0,062");
        await page.GetByLabel("Applicable à partir du").FillAsync("2026-12-01");
        await page.GetByLabel("Source (compte rendu DSN)").FillAsync("CR DSN du 12/11/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le taux" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Aucun membre n'a ce numéro.").First).ToBeVisibleAsync();
        await page.GetByLabel("N° de membre").FillAsync(member!.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le taux" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"taux de prélèvement de 6,2 % pour le membre n° {member.Number}", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = member.FullName })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "23-payroll-parameters");
    }

    /// <summary>
    /// The issue's journey: a member declares a 2-day job and signs, the manager countersigns, the
    /// service ends, the payslip appears, the batch is released on day 7, the activity's available
    /// money dropped by the employer cost, and the SEPA file passes the schema and the EPC rules.
    /// </summary>
    [Fact]
    public async Task Member_DeclaresAndSigns_ManagerCountersigns_PayslipAfterTheService_PaidOnDaySeven()
    {
        var world = await Books.OpenAsync(browser.App);
        await Partage.Tests.Payroll.Hiring.FundAsync(browser.App, world.LilleActivity, 300_000);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        var availableAtStart = await BrowserFixture.AvailableAsync(page, world.LilleActivity);

        // The cooperative produces the show and sells it: the organiser signs a contrat de cession made from the quote.
        var client = await Partage.Tests.Invoicing.Sales.FrenchClientAsync(browser.App);
        var quote = await browser.App.InScopeAsync(async s => await s.GetRequiredService<Partage.App.Modules.Invoicing.Features.CreateQuote>().HandleAsync(
            new Partage.App.Modules.Invoicing.QuoteInput(Partage.Tests.Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Deux concerts au Splendid", "2", "C62", "900", "FR_2_1")), "2026-12-20"),
            await browser.App.ActorAsync(World.LilleMemberEmail)));
        await page.GotoAsync("/devis");
        var cession = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"Contrat de cession {quote.Number} (spectacle, PDF)" }).ClickAsync());
        var cessionFile = Path.Combine(BrowserFixture.ArtifactsFolder, "24-contrat-de-cession.pdf");
        await cession.SaveAsAsync(cessionFile);
        var cessionText = Partage.Tests.Infrastructure.Poppler.Run("pdftotext", cessionFile + " -");
        Assert.Contains("Contrat de cession du droit d'exploitation d'un spectacle", cessionText, StringComparison.Ordinal);
        Assert.Contains("PLATESV-R-2024-000102", cessionText, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Travaux" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Déclarer un travail" }).ClickAsync();
        await page.GetByLabel("Activité").SelectOptionAsync(world.LilleActivity.ToString());
        await page.GetByLabel("Statut").SelectOptionAsync("intermittent_artist");
        await page.GetByLabel("Métier").SelectOptionAsync("musician_singer");
        await page.GetByLabel("Description du travail").FillAsync("Deux concerts au Splendid");
        await page.GetByLabel("Lieu").FillAsync("Lille");
        await page.GetByLabel("Premier jour").FillAsync("2026-12-02");
        await page.GetByLabel("Dernier jour").FillAsync("2026-12-03");
        await page.GetByLabel("Salaire brut convenu (€)").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer et établir le contrat" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le nombre de cachets est obligatoire.").First).ToBeVisibleAsync();
        await page.GetByLabel("Cachets (artiste)").FillAsync("2");

        // The show and its organiser: a brasserie hiring for its own party is the GUSO's, not the cooperative's.
        await page.GetByLabel("Fonction (listes des annexes 8 et 10)").FillAsync("Musicien");
        await page.GetByLabel("Titre du spectacle ou de l'enregistrement").FillAsync("Deux concerts au Splendid");
        await page.GetByLabel("Organisateur (nom)").FillAsync("Brasserie du Vieux-Lille");
        await page.GetByLabel("SIRET de l'organisateur").FillAsync("812 345 676 00017");
        await page.GetByLabel("Code APE de l'organisateur").FillAsync("56.30Z");
        await page.GetByLabel("Qui organise ?").SelectOptionAsync(OrganiserRoles.Occasional);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer et établir le contrat" }).ClickAsync();
        await Assertions.Expect(page.GetByText("GUSO", new() { Exact = false }).Last).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("organise son propre événement", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByLabel("Organisateur (nom)").FillAsync("Le Splendid");
        await page.GetByLabel("SIRET de l'organisateur").FillAsync("41234567000019");
        await page.GetByLabel("Code APE de l'organisateur").FillAsync("9004Z");
        await page.GetByLabel("Licence de spectacles ou récépissé de l'organisateur (s'il en a un)").FillAsync("PLATESV-R-2023-000321");
        await page.GetByLabel("Qui organise ?").SelectOptionAsync(OrganiserRoles.LicensedBuyer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer et établir le contrat" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"Contrat CT-LNA-2026-\d{6} établi"))).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-figure=organiser]")).ToContainTextAsync("Le Splendid — SIRET 41234567000019, APE 9004Z, licence PLATESV-R-2023-000321");
        var cost = BrowserFixture.ParseEuros(await page.Locator("[data-figure=cost]").InnerTextAsync());
        var contract = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync())["Contrat ".Length..];
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code par e-mail" }).ClickAsync();
        await page.GetByLabel("Votre nom (signature)").FillAsync(await BrowserFixture.CivilNameAsync(browser.App, World.LilleMemberEmail));
        await page.GetByLabel("Code reçu par e-mail").FillAsync(await Partage.Tests.Payroll.Hiring.CodeAsync(browser.App, contract));
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer le contrat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contrat à contre-signer" })).ToBeVisibleAsync();
        var jobUrl = new Uri(page.Url).GetLeftPart(UriPartial.Path);

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync(jobUrl);
        await Assertions.Expect(manager.GetByText("Preuve de la signature")).ToBeVisibleAsync();   // the evidence, before countersigning
        await manager.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code par e-mail" }).ClickAsync();
        await manager.GetByLabel("Votre nom (signature)").FillAsync(await BrowserFixture.AccountNameAsync(browser.App, World.LilleManager));
        await manager.GetByLabel("Code reçu par e-mail").FillAsync(await Partage.Tests.Payroll.Hiring.CodeAsync(browser.App, contract));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Contre-signer pour la coopérative" }).ClickAsync();
        await Assertions.Expect(manager.GetByText(new System.Text.RegularExpressions.Regex("contre-signé ; DPAE enregistrée"))).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "24-manager-countersigns");

        browser.App.Clock.Advance(TimeSpan.FromDays(8));   // 2026-12-04: the service has ended
        var payroll = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(payroll, World.Payroll);
        await payroll.GetByRole(AriaRole.Link, new() { Name = "Paie", Exact = true }).ClickAsync();

        // The DPAE recorded at the countersignature, as the URSSAF upload file.
        await payroll.GetByLabel("Du", new() { Exact = true }).FillAsync("2026-11-26");
        await payroll.GetByLabel("au", new() { Exact = true }).FillAsync("2026-11-26");
        var dpae = await payroll.RunAndWaitForDownloadAsync(() => payroll.GetByRole(AriaRole.Button, new() { Name = "Fichier DPAE (XML)" }).ClickAsync());
        var dpaeFile = Path.Combine(BrowserFixture.ArtifactsFolder, "24-dpae.xml");
        await dpae.SaveAsAsync(dpaeFile);
        var declared = System.Xml.Linq.XDocument.Load(dpaeFile).Descendants().Single(e => e.Name.LocalName == "FR_EmployeeGroup.Comment.Text").Value;
        Assert.Equal(contract, declared);

        await payroll.GetByLabel("Jusqu'au").FillAsync("2026-12-04");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Lancer la paie" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("Paie au 04/12/2026 : 1 bulletin calculé, 0 lot de virement", new() { Exact = false })).ToBeVisibleAsync();
        await payroll.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Valider BP-LNA-") }).ClickAsync();
        await Assertions.Expect(payroll.GetByText(new System.Text.RegularExpressions.Regex(@"Bulletin BP-LNA-2026-\d{6} validé\."))).ToBeVisibleAsync();

        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GotoAsync(jobUrl);
        await Assertions.Expect(page.Locator("[data-figure=payment]")).ToHaveTextAsync("paiement prévu le 10/12/2026");
        var payslip = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le bulletin de paie 2026-12 (PDF)" }).ClickAsync());
        var payslipFile = Path.Combine(BrowserFixture.ArtifactsFolder, "25-payslip.pdf");
        await payslip.SaveAsAsync(payslipFile);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(payslipFile))[..4]), StringComparison.Ordinal);

        browser.App.Clock.Advance(TimeSpan.FromDays(6));   // 2026-12-10: day 7 after the end
        await BrowserFixture.SignInAsync(payroll, World.Payroll);
        await payroll.GotoAsync("/paie");
        await payroll.GetByLabel("Jusqu'au").FillAsync("2026-12-10");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Lancer la paie" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("1 lot de virement (1 salaire,", new() { Exact = false })).ToBeVisibleAsync();
        await payroll.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Vérifier et libérer VIR-LNA-") }).ClickAsync();
        await Assertions.Expect(payroll.Locator("[data-figure=lines-total]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d,\d{2}\s€"));   // the lines and their total, read before release
        await payroll.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Libérer VIR-LNA-") }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("Cochez la case pour confirmer", new() { Exact = false }).First).ToBeVisibleAsync();   // no release without the confirmation
        await BrowserFixture.ScreenshotAsync(payroll, "26-payroll-batch");
        await payroll.GetByRole(AriaRole.Checkbox).CheckAsync();
        await payroll.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Libérer VIR-LNA-") }).ClickAsync();
        await Assertions.Expect(payroll.GetByText(new System.Text.RegularExpressions.Regex(@"Lot VIR-LNA-2026-\d{6} libéré :"))).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(payroll, "26-payroll-desk");
        await Assertions.Expect(payroll.Locator("[data-to-confirm-count]")).ToContainTextAsync("majoration_cddu_courts");   // open points named on the desk
        var sepa = await payroll.RunAndWaitForDownloadAsync(() => payroll.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fichier SEPA VIR-LNA-") }).ClickAsync());
        var sepaFile = Path.Combine(BrowserFixture.ArtifactsFolder, "26-wages-pain001.xml");
        await sepa.SaveAsAsync(sepaFile);
        var problems = await Partage.Tests.Payroll.SepaChecker.CheckAsync(sepaFile);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The month's DSN of the entity, from the desk: the structural checker passes, the contract is declared with the net paid.
        await payroll.GetByLabel("Entité").SelectOptionAsync("LNA");
        await payroll.GetByLabel("Mois", new() { Exact = true }).FillAsync("2026-12");
        var dsn = await payroll.RunAndWaitForDownloadAsync(() => payroll.GetByRole(AriaRole.Button, new() { Name = "Télécharger la DSN" }).ClickAsync());
        var dsnFile = Path.Combine(BrowserFixture.ArtifactsFolder, "26-dsn-lna-2026-12.dsn");
        await dsn.SaveAsAsync(dsnFile);
        var dsnBytes = await File.ReadAllBytesAsync(dsnFile);
        var dsnProblems = Partage.Tests.Payroll.DsnChecker.Check(dsnBytes);
        Assert.True(dsnProblems.Count == 0, string.Join(Environment.NewLine, dsnProblems));
        var dsnText = System.Text.Encoding.Latin1.GetString(dsnBytes);
        Assert.Contains($"S21.G00.40.009,'{contract}'", dsnText, StringComparison.Ordinal);

        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GotoAsync(jobUrl);
        await Assertions.Expect(page.Locator("[data-figure=payment]")).ToHaveTextAsync("payé le 10/12/2026");
        await BrowserFixture.ScreenshotAsync(page, "27-member-paid");
        Assert.Equal(availableAtStart - cost, await BrowserFixture.AvailableAsync(page, world.LilleActivity));
    }
}
