using System.Text;
using Microsoft.Playwright;
using Partage.Tests.Employers;
using Partage.Tests.Infrastructure;
using Partage.Tests.Ledger;

namespace Partage.E2E;

/// <summary>Payroll for a cultural employer in the browser, from the mandate to the staff paid on day 7.</summary>
public class EmployerJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static FilePayload Csv(params string[] lines) => new()
    {
        Name = "contrats-festival.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [string.Join(";", [.. Partage.App.Modules.Employers.Features.ImportStaffContracts.Columns, .. Partage.App.Modules.Employers.Features.ImportStaffContracts.OptionalColumns]), .. lines])),
    };

    /// <summary>
    /// The issue's journey: payroll staff record the mandate; the employer uploads a CSV of five
    /// contracts for an event (a bad file first: refused line by line, nothing imported); the
    /// payslips are computed and validated; the single invoice is issued and its Factur-X PDF
    /// passes the official validation; on day 7 the staff are paid in a SEPA batch that passes the
    /// pain.001.001.09 schema and the EPC rules. The employer downloads the staff's certificates
    /// (AEM) and the month's DSN.
    /// </summary>
    [Fact]
    public async Task Employer_UploadsFiveContracts_PayslipsInvoiceFacturX_StaffPaidOnDaySeven()
    {
        await Books.OpenAsync(browser.App);
        var payroll = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(payroll, World.Payroll);
        await payroll.GetByRole(AriaRole.Link, new() { Name = "Employeurs" }).ClickAsync();
        await payroll.GetByRole(AriaRole.Link, new() { Name = "Festival du Nord" }).ClickAsync();
        var employerUrl = new Uri(payroll.Url).GetLeftPart(UriPartial.Path);
        await payroll.GetByLabel("Signé le").FillAsync("2026-03-15");
        await payroll.GetByLabel("Signataire pour l'employeur").FillAsync("Anne Directrice");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mandat" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("du 15/03/2026 au 31/12/2026")).ToBeVisibleAsync();

        var employer = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(employer, World.Employer);
        await employer.GetByRole(AriaRole.Link, new() { Name = "Ouvrir mon organisation" }).ClickAsync();
        await Assertions.Expect(employer.GetByRole(AriaRole.Heading, new() { Name = "Festival du Nord", Level = 1 })).ToBeVisibleAsync();
        string[] five = [.. Enumerable.Range(1, 5).Select(n => StaffPayrollTests.Line($"ARTISTE{n}", StaffPayrollTests.Nir(900 + n), "2026-12-05", "2026-12-06", cachets: "2", gross: "560,00", allowances: "30,00"))];
        await employer.GetByLabel("Fichier des contrats (CSV)").SetInputFilesAsync(Csv([.. five[..3], StaffPayrollTests.Line("FAUX", "123", "2026-12-05", "2026-12-06", cachets: "2"), five[4]]));
        await employer.GetByRole(AriaRole.Button, new() { Name = "Importer les contrats" }).ClickAsync();
        await Assertions.Expect(employer.GetByText("ligne 5 : Nir :", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(employer.GetByRole(AriaRole.Heading, new() { Name = "Contrats (0)" })).ToBeVisibleAsync();
        await employer.GetByLabel("Fichier des contrats (CSV)").SetInputFilesAsync(Csv(five));
        await employer.GetByRole(AriaRole.Button, new() { Name = "Importer les contrats" }).ClickAsync();
        await Assertions.Expect(employer.GetByText("5 contrats importés ; DPAE enregistrées.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(employer, "28-employer-contracts");

        browser.App.Clock.Advance(TimeSpan.FromDays(11));   // 2026-12-07: the event is over
        await BrowserFixture.SignInAsync(payroll, World.Payroll);
        await payroll.GotoAsync("/paie");
        await payroll.GetByLabel("Jusqu'au").FillAsync("2026-12-07");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Lancer la paie" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("Paie au 07/12/2026 : 5 bulletins calculés", new() { Exact = false })).ToBeVisibleAsync();
        await payroll.GotoAsync(employerUrl);
        for (var i = 0; i < 5; i++)
        {
            await payroll.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Valider BG-") }).First.ClickAsync();
            await Assertions.Expect(payroll.GetByText(new System.Text.RegularExpressions.Regex(@"Bulletin BG-2026-\d{6} validé\."))).ToBeVisibleAsync();
        }

        await payroll.GetByLabel("Période de paie (AAAA-MM)").FillAsync("2026-12");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Émettre la facture de la période" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText(new System.Text.RegularExpressions.Regex(@"Facture SCIC-GC-2026-\d{6} émise\."))).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(payroll, "29-employer-invoice");

        await BrowserFixture.SignInAsync(employer, World.Employer);
        await employer.GotoAsync(employerUrl);
        var download = await employer.RunAndWaitForDownloadAsync(() => employer.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^SCIC-GC-2026-") }).ClickAsync());
        var invoiceFile = Path.Combine(BrowserFixture.ArtifactsFolder, "29-employer-invoice.pdf");
        await download.SaveAsAsync(invoiceFile);
        var report = await Partage.Tests.Invoicing.EInvoiceValidator.ValidatePdfAsync(invoiceFile);
        Assert.True(report.Passed, report.ToString());
        var total = BrowserFixture.ParseEuros(await employer.Locator("[data-figure=invoice-total]").InnerTextAsync());
        Assert.True(total > 5 * (560 + 30) * 0.5m, $"invoice total {total}");

        // The certificates and, under the complete mandate, the month's DSN.
        var aem = await employer.RunAndWaitForDownloadAsync(() => employer.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^AEM GC-2026-") }).First.ClickAsync());
        var aemFile = Path.Combine(BrowserFixture.ArtifactsFolder, "31-staff-aem.pdf");
        await aem.SaveAsAsync(aemFile);
        Assert.Contains("Attestation d'employeur mensuelle (AEM)", Partage.Tests.Infrastructure.Poppler.Run("pdftotext", aemFile + " -"), StringComparison.Ordinal);
        await employer.GetByLabel("Mois déclaré (AAAA-MM)").FillAsync("2026-13");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Télécharger la DSN" }).ClickAsync();
        // In the summary and under the field itself, which says it is invalid.
        await Assertions.Expect(employer.Locator("#month-erreur")).ToContainTextAsync("Le mois déclaré est un mois au format AAAA-MM");
        await Assertions.Expect(employer.Locator("#erreurs")).ToContainTextAsync("Le mois déclaré est un mois au format AAAA-MM");
        await employer.GetByLabel("Mois déclaré (AAAA-MM)").FillAsync("2026-12");
        var dsn = await employer.RunAndWaitForDownloadAsync(() => employer.GetByRole(AriaRole.Button, new() { Name = "Télécharger la DSN" }).ClickAsync());
        var dsnFile = Path.Combine(BrowserFixture.ArtifactsFolder, "31-employer-dsn.dsn");
        await dsn.SaveAsAsync(dsnFile);
        var dsnLines = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(dsnFile)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, dsnLines.Count(l => l.StartsWith("S21.G00.30.001,", StringComparison.Ordinal)));
        Assert.Equal($"S90.G00.90.001,'{dsnLines.Length}'", dsnLines[^2]);
        await BrowserFixture.ScreenshotAsync(employer, "31-employer-declarations");

        browser.App.Clock.Advance(TimeSpan.FromDays(6));   // 2026-12-13: day 7 after the end
        await BrowserFixture.SignInAsync(payroll, World.Payroll);
        await payroll.GotoAsync("/paie");
        await payroll.GetByLabel("Jusqu'au").FillAsync("2026-12-13");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Lancer la paie" }).ClickAsync();
        await Assertions.Expect(payroll.GetByText("1 lot de virement (5 salaires", new() { Exact = false })).ToBeVisibleAsync();
        await payroll.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Vérifier et libérer VIR-SCIC-") }).ClickAsync();
        await payroll.GetByRole(AriaRole.Checkbox).CheckAsync();
        await payroll.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Libérer VIR-SCIC-") }).ClickAsync();
        await Assertions.Expect(payroll.GetByText(new System.Text.RegularExpressions.Regex(@"Lot VIR-SCIC-2026-\d{6} libéré :"))).ToBeVisibleAsync();
        var sepa = await payroll.RunAndWaitForDownloadAsync(() => payroll.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fichier SEPA VIR-SCIC-") }).ClickAsync());
        var sepaFile = Path.Combine(BrowserFixture.ArtifactsFolder, "30-staff-pain001.xml");
        await sepa.SaveAsAsync(sepaFile);
        var problems = await Partage.Tests.Payroll.SepaChecker.CheckAsync(sepaFile);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(sepaFile), "<CdtTrfTxInf>").Count);

        await BrowserFixture.SignInAsync(employer, World.Employer);
        await employer.GotoAsync(employerUrl);
        await Assertions.Expect(employer.GetByText("payé le 13/12/2026")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(employer, "30-employer-staff-paid");
    }
}
