using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// The payslip's model by its period: December 2026 keeps the adapted "bulletin clarifié", January 2027
/// is printed on the "rénové" model (arrêté du 31 janvier 2023 as amended on 11 August 2025) with every
/// mention of R3243-1, read back from the PDF's text. The class's clock only moves forward.
/// </summary>
public class PayslipModelTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task January2027_RenovatedModel_WithEveryMention_December2026_KeepsTheOldOne()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var december = await Hiring.CountersignedAsync(factory, Hiring.Technician(world.LilleActivity, new DateOnly(2026, 12, 14), "8", "240"));
        var january = await Hiring.CountersignedAsync(factory, Hiring.Technician(world.LilleActivity, new DateOnly(2027, 1, 5), "10", "300"));
        var trainer = await Hiring.CountersignedAsync(factory, new JobInput(world.LilleActivity.ToString(), "regime_general", true, "consultant_trainer", "Formation des régisseurs",
            "Lille", "2027-01-06", "2027-01-07", "14", null, "700", "Accroissement temporaire d'activité", null));

        factory.Clock.Advance(TimeSpan.FromDays(45));   // mid-January 2027: every service has ended
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(factory.Today, Actor.System));
        var payroll = await factory.ActorAsync(World.Payroll);
        async Task<string> TextOf(JobView job)
        {
            var payslip = (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().HandleAsync(null, new App.Infrastructure.PageRequest(1, 200), payroll))).Items.Single(p => p.JobId == job.Id);
            var (_, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetPayslipPdf>().HandleAsync(payslip.Id, payroll));
            await File.WriteAllBytesAsync(Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"payslip-{payslip.Period}-{job.Number}.pdf"), pdf);
            return System.Text.RegularExpressions.Regex.Replace(Poppler.Text(pdf, layout: true), @"\s+", " ");
        }

        var old = await TextOf(december);
        Assert.Contains("Total des cotisations et contributions", old, StringComparison.Ordinal);
        Assert.DoesNotContain("MONTANT BRUT", old, StringComparison.Ordinal);

        var renovated = await TextOf(january);
        foreach (var mention in new[]
        {
            "période du 05/01/2027 au 05/01/2027", "payé le 12/01/2027",
            "SIRET 90000001900019, APE 9001Z, cotisations versées à l'URSSAF",                          // the establishment (R3243-1 1°)
            "Convention collective nationale des entreprises du secteur privé du spectacle vivant (IDCC 3090)", // its title, not only the IDCC
            "classification : non-cadre", "Salaire de base : 10 h à 30,00 € de l'heure 300,00 €",          // hours and their rate
            "MONTANT BRUT 300,00 €", "COTISATIONS ET CONTRIBUTIONS SOCIALES", "Sécurité sociale maladie maternité invalidité", "Retraite complémentaire, CEG et CET T1",
            "Autres charges dues par l'employeur", "Cotisations statutaires ou prévues par la", "CSG/CRDS non déductible de l'impôt", "TOTAL DES COTISATIONS ET CONTRIBUTIONS",
            "EXONÉRATIONS ET ALLÈGEMENTS", "SOCIALES FACULTATIVES", "Prévoyance, incapacité, invalidité, décès",
            "MONTANT NET SOCIAL", "REMBOURSEMENTS ET DÉDUCTIONS DIVERSES", "NET À PAYER AVANT IMPÔT SUR LE REVENU", "TOTAL VERSÉ PAR L'EMPLOYEUR",
        })
        {
            Assert.Contains(mention, renovated, StringComparison.Ordinal);
        }

        Assert.True(renovated.IndexOf("MONTANT NET SOCIAL", StringComparison.Ordinal) < renovated.IndexOf("NET À PAYER AVANT IMPÔT", StringComparison.Ordinal));
        Assert.DoesNotContain("…", renovated, StringComparison.Ordinal);   // labels wrap, never cut

        var cadre = await TextOf(trainer);
        Assert.Contains("classification : cadre", cadre, StringComparison.Ordinal);
        Assert.Contains("Indemnité de fin de contrat (art. L1243-8) 70,00 €", cadre, StringComparison.Ordinal);
        Assert.Contains("Apec", cadre, StringComparison.Ordinal);
        Assert.DoesNotContain("…", cadre, StringComparison.Ordinal);
    }
}
