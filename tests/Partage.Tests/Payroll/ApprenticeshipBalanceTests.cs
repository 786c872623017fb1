using System.Text;
using Partage.App.Modules.Payroll;
using Partage.Payroll;

namespace Partage.Tests.Payroll;

/// <summary>
/// The apprenticeship tax in its two parts (C. trav. L6241-2): the main one (0.59 %) declared each month on code 130, the
/// balance (0.09 %) shown on each payslip but declared once, by the establishment, in the April DSN of the next year
/// (S21.G00.82 code 076), on the year's base rounded once; none in Alsace-Moselle.
/// </summary>
public class ApprenticeshipBalanceTests
{
    /// <summary>A SIRET of the form a URSSAF's has (14 digits); the establishment's setting Payroll:Establishments:CODE:UrssafSiret.</summary>
    private const string Urssaf = "78861779300013";

    private static PayrollResult Payslip(string period, decimal gross, bool alsace = false) =>
        PayslipEngine.Compute(new PayrollRequest(period, new EmployerInput(12, 0.0123m, 0, alsace, false, null), new EmployeeInput("regime_general", false, null),
            new ContractInput("CDD", DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.ParseExact(period + "-05", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new WorkInput(35, 5, null), gross), ParameterCatalog.Default);

    [Fact]
    public void TwoParts_MainMonthlyOn130_BalanceOnceInApril_OnTheYearsBase()
    {
        var june = Payslip("2025-06", 1_333.33m);
        var november = Payslip("2025-11", 2_501.17m);
        var main = june.Lines.Single(l => l.Code == "taxe_apprentissage");
        var balance = june.Lines.Single(l => l.Code == "taxe_apprentissage_solde");
        Assert.Equal((0.0059m, 7.87m), (main.EmployerRate, main.EmployerAmount));   // 1,333.33 × 0.59 % = 7.866…
        Assert.Equal((0.0009m, 1.20m), (balance.EmployerRate, balance.EmployerAmount));
        var onGross = DsnFile.Bases(june, DsnFile.ComplementsOn(ParameterCatalog.Default, new DateOnly(2025, 6, 1))).Single(b => b.Code == "03").Contributions;
        Assert.Equal(7.87m, onGross.Single(c => c.Code == "130").Amount);   // the main part only, each month

        // April 2026: the 2025 balance on the year's base, rounded once: (1,333.33 + 2,501.17) × 0.09 % = 3.451… → 3.45 (the payslips' lines say 1.20 + 2.25).
        var april = Assert.Single(DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 4, 1), [june, november], Urssaf));
        Assert.Equal(("076", 3.45m, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Urssaf), (april.Code, april.Value, april.From, april.To, april.Reference));
        Assert.Empty(DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 3, 1), [june, november], Urssaf));   // no supplementary contribution below 250
        Assert.Empty(DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 5, 1), [june, november], Urssaf));
        Assert.Empty(DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 4, 1), [Payslip("2025-06", 1_333.33m, alsace: true)], Urssaf));
        Assert.DoesNotContain(Payslip("2025-06", 1_333.33m, alsace: true).Lines, l => l.Code == "taxe_apprentissage_solde");

        // From 250 employees the supplementary contribution (0.40 % by default, a setting) has its own line, declared for the year in March.
        var large = PayslipEngine.Compute(new PayrollRequest("2025-06", new EmployerInput(300, 0.0123m, 0, false, false, null), new EmployeeInput("regime_general", false, null),
            new ContractInput("CDD", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 5)), new WorkInput(35, 5, null), 1_333.33m), ParameterCatalog.Default);
        Assert.Equal(5.33m, large.Lines.Single(l => l.Code == "taxe_apprentissage_supplementaire").EmployerAmount);
        var march = Assert.Single(DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 3, 1), [large, june], Urssaf));
        Assert.Equal(("079", 5.33m, new DateOnly(2025, 12, 31)), (march.Code, march.Value, march.To));   // only the large employer's base bears it
        Assert.Equal(["076"], DsnFile.YearlyContributions(ParameterCatalog.Default, new DateOnly(2026, 4, 1), [large], Urssaf).Select(c => c.Code));
    }

    [Fact]
    public async Task DueWithoutTheUrssafSiret_RefusedSayingWhereToSetIt_PayslipsReadOnlyInMarchAndApril()
    {
        var june = Payslip("2025-06", 1_333.33m);
        Task<IReadOnlyList<PayrollResult>> Year(int year) => Task.FromResult<IReadOnlyList<PayrollResult>>(year == 2025 ? [june] : []);
        var refused = await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => DsnFile.YearlyContributionsAsync(ParameterCatalog.Default, new DateOnly(2026, 4, 1), null, "fiche de l'employeur", Year));
        Assert.Equal(PayrollErrors.DsnNotReady, refused.Error);
        Assert.Contains("indiquez le SIRET de l'Urssaf (fiche de l'employeur)", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await DsnFile.YearlyContributionsAsync(ParameterCatalog.Default, new DateOnly(2026, 4, 1), null, "x", _ => Task.FromResult<IReadOnlyList<PayrollResult>>([])));   // nothing due, nothing needed
        Assert.Empty(await DsnFile.YearlyContributionsAsync(ParameterCatalog.Default, new DateOnly(2026, 5, 1), null, "x", _ => throw new InvalidOperationException("read in May")));
        Assert.Single(await DsnFile.YearlyContributionsAsync(ParameterCatalog.Default, new DateOnly(2026, 4, 1), Urssaf, "x", Year));
    }

    [Fact]
    public void AprilFile_CarriesTheBalanceUnderTheEstablishment_AndPassesTheChecker()
    {
        var contact = new DsnContact("Service paie", "paie@partage.test", "03 20 00 00 00");
        var submission = new DsnSubmission(2026, 4, true, new DateOnly(2026, 5, 2),
            new DsnSender("900000001", "00017", "SCIC Partage", "1 rue de la Coopération", "59000", "Lille", contact),
            new DsnEmployer("90000000100017", "7022Z", "SCIC Partage", "1 rue de la Coopération", "59000", "Lille", "1486", contact, 151.67m, "745BA", 0.0123m, null, null), [])
        {
            EstablishmentContributions = [new DsnEstablishmentContribution("076", 3.45m, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Urssaf)],
        };
        var bytes = DsnFile.Write(submission, DsnFile.ComplementsOn(ParameterCatalog.Default, new DateOnly(2026, 4, 1)));
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n");
        var at = Array.IndexOf(lines, "S21.G00.82.001,'3.45'");
        Assert.True(at > 0 && lines[at - 1].StartsWith("S21.G00.11.", StringComparison.Ordinal), string.Join("\n", lines));
        Assert.Equal(["S21.G00.82.002,'076'", "S21.G00.82.003,'01012025'", "S21.G00.82.004,'31122025'", $"S21.G00.82.005,'{Urssaf}'"], lines[(at + 1)..(at + 5)]);
        Assert.Empty(DsnChecker.Check(bytes));
        File.WriteAllBytes(Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, "dsn-april-apprenticeship-balance.dsn"), bytes);   // for the reference checker by hand
    }
}
