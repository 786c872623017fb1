using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.Tests.Payroll;

/// <summary>The monthly DSN file: every payslip line declared or knowingly left out, the amounts adding up to the payslip's, the NEODeS line format.</summary>
public partial class DsnFileTests
{
    [GeneratedRegex(@"^(S\d{2}\.G\d{2}\.\d{2}\.\d{3}),'([^\r\n]*)'$")]
    private static partial Regex RubricLine();

    public static TheoryData<string, string, string, decimal?, int?, decimal> Payslips() => new()
    {
        { "2026-12", "regime_general", "CDD", 151.67m, null, 2_400m },
        { "2026-12", "regime_general", "CDD", 151.67m, null, 6_000m },
        { "2025-06", "regime_general", "CDD", 100m, null, 1_300m },   // 2025: general reduction and reduced rates
        { "2026-12", "intermittent_technician", "CDDU", 24m, null, 720m },
        { "2026-12", "intermittent_artist", "CDDU", null, 3, 900m },
    };

    [Fact]
    public void EveryPayslipLineKind_IsDeclaredOrKnowinglyLeftOut()
    {
        var kinds = typeof(PayslipLabels).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LineKind))
            .Select(f => ((LineKind)f.GetValue(null)!).Code).ToList();
        Assert.True(kinds.Count > 30);
        Assert.DoesNotContain(kinds, code => !DsnFile.Contributions.ContainsKey(code) && !DsnFile.NotDeclared.Contains(code));
        Assert.DoesNotContain(kinds, code => DsnFile.Contributions.ContainsKey(code) && DsnFile.NotDeclared.Contains(code));
    }

    [Theory]
    [MemberData(nameof(Payslips))]
    public void DeclaredContributions_AddUpToThePayslip_LessWhatIsLeftOut(string period, string kind, string contract, decimal? hours, int? cachets, decimal gross)
    {
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = PayslipEngine.Compute(new PayrollRequest(period, new EmployerInput(12, 0.0123m, 0, false, true, "3090"),
            new EmployeeInput(kind, false, null), new ContractInput(contract, month, month.AddDays(4)), new WorkInput(hours, 5, cachets), gross), ParameterCatalog.Default);
        var bases = DsnFile.Bases(result, DsnFile.ComplementsOn(ParameterCatalog.Default, month));
        var declared = bases.SelectMany(b => b.Contributions).Sum(c => c.Amount);
        var leftOut = result.Lines.Where(l => DsnFile.NotDeclared.Contains(l.Code)).Sum(l => l.EmployeeAmount + l.EmployerAmount);
        Assert.Equal(result.TotalEmployee + result.TotalEmployer - result.TotalReductions - leftOut, declared);
        Assert.Equal(result.SocialBase, Assert.Single(bases, b => b.Code == "03").Amount);
        Assert.All(bases, b => Assert.Equal(b.Contributions.Count, b.Contributions.Select(c => c.Code).Distinct().Count()));
        var onGross = bases.Single(b => b.Code == "03").Contributions.ToDictionary(c => c.Code, c => c.Amount);
        if (month.Year >= 2026)
        {
            // From 2026 maladie and family allowances are declared in two parts: the complement at 6 % and 1.80 % of the base.
            Assert.Equal(decimal.Round(result.SocialBase * 0.06m, 2, MidpointRounding.AwayFromZero), onGross["907"]);
            Assert.Equal(decimal.Round(result.SocialBase * 0.018m, 2, MidpointRounding.AwayFromZero), onGross["102"]);
        }
        else
        {
            Assert.False(onGross.ContainsKey("907") || onGross.ContainsKey("102"));
        }

        if (result.TotalReductions > 0)
        {
            Assert.Contains(bases.Single(b => b.Code == "03").Contributions, c => c.Code == "018" && c.Amount < 0);
            Assert.Equal(-result.Reductions.Sum(r => r.RetirementShare), bases.Single(b => b.Code == "03").Contributions.Where(c => c.Code == "106").Sum(c => c.Amount));
        }
    }

    [Fact]
    public void GeneralReduction_SplitBetweenUrssafAndAgircArrco_InTheDsnAndTheLedger()
    {
        // A full month at the SMIC (12.31 × 151.67 = 1,867.02 € from June 2026) in a cooperative of 12: the RGDU's coefficient is
        // T = Tmin + Tdelta = 0.02 + 0.3781 = 0.3981, so 0.3981 × 1,867.02 = 743.2607 → 743.26 €. The pension fund's part is
        // 743.26 × 6.01 % / 39.81 % = 112.2078 → 112.21 €, but never more than those contributions themselves:
        // Agirc-Arrco T1 1,867.02 × 4.72 % = 88.12 € and CEG T1 × 1.29 % = 24.08 €, so 112.20 € (code 106);
        // URSSAF's, 743.26 − 112.20 = 631.06 € (code 018).
        var result = PayslipEngine.Compute(new PayrollRequest("2026-12", new EmployerInput(12, 0.0123m, 0, false, false, null),
            new EmployeeInput("regime_general", false, null), new ContractInput("CDI", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), new WorkInput(151.67m, null, null), 1_867.02m),
            ParameterCatalog.Default);
        var reduction = Assert.Single(result.Reductions);
        Assert.Equal(("rgdu", 0.3981m, 743.26m, 112.20m), (reduction.Code, reduction.Coefficient, reduction.Amount, reduction.RetirementShare));

        var onGross = DsnFile.Bases(result, DsnFile.ComplementsOn(ParameterCatalog.Default, new DateOnly(2026, 12, 1))).Single(b => b.Code == "03").Contributions;
        Assert.Equal(-631.06m, onGross.Single(c => c.Code == "018").Amount);
        Assert.Equal(-112.20m, onGross.Single(c => c.Code == "106").Amount);

        // The ledger owes URSSAF and the pension fund each their own part less.
        var credits = PayslipPosting.ContributionCredits(result, EmployeeKind.RegimeGeneral, Money.Eur(74_326), Money.Zero(Currency.Eur)).ToDictionary(c => c.Account, c => c.Amount.Cents);
        var urssaf = result.Lines.Where(l => ContributionBodies.Of(l.Code, false) == ContributionBodies.Urssaf).Sum(l => l.EmployeeAmount + l.EmployerAmount);
        var others = result.Lines.Sum(l => l.EmployeeAmount + l.EmployerAmount) - urssaf;
        Assert.Equal(Rounding.ToCents(urssaf - 631.06m), credits["431"]);
        Assert.Equal(Rounding.ToCents(others - 112.20m), credits["437"]);
    }

    [Fact]
    public void File_OneRubricALine_Latin1_TotalsCountTheLines()
    {
        var result = PayslipEngine.Compute(new PayrollRequest("2026-12", new EmployerInput(12, 0.0123m, 0, false, true, "3090"),
            new EmployeeInput("intermittent_artist", false, null), new ContractInput("CDDU", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)), new WorkInput(null, 2, 2), 600m),
            ParameterCatalog.Default);
        var nir = Nir.Parse(Employers.StaffPayrollTests.Nir(7));
        var payslip = new DsnPayslip("BG-2026-000001", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 10), result,
            Money.Eur(Rounding.ToCents(result.NetTaxable)), Money.Eur(40_000), 0m, false, Money.Zero(Currency.Eur), null, 2);
        var contact = new DsnContact("Service paie", "paie@partage.test", "03 20 00 00 00");
        var submission = new DsnSubmission(2026, 12, true, new DateOnly(2027, 1, 5),
            new DsnSender("900000001", "00017", "SCIC Partage", "1 rue de la Coopération", "59000", "Lille", contact),
            new DsnEmployer("80012345700015", "9001Z", "Festival du Nord", "2 place d'Armes", "59000", "Lille", "3090", contact, 151.67m, "923AB", 0.0123m, "9712345678", "PLATESV-R-2020-000123"),
            [new DsnIndividual(nir, "Lefèvre-D'Arc", "Zoé", new DateOnly(1991, 2, 3), "A1", "3 rue des Œillets", "59000", "Lille", [new DsnContract("GC-2026-000001",
                EmployeeKind.IntermittentArtist, false, "Musicienne\nsoliste", "musician_singer", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), [payslip])]) { BirthPlace = "Roubaix" }]);
        var complements = DsnFile.ComplementsOn(ParameterCatalog.Default, new DateOnly(2026, 12, 1));
        var bytes = DsnFile.Write(submission, complements);
        var text = Encoding.Latin1.GetString(bytes);
        var lines = text.Split("\r\n")[..^1];
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Matches(RubricLine(), l));
        var rubrics = lines.Select(l => RubricLine().Match(l)).Select(m => (Rubric: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        string One(string rubric) => Assert.Single(rubrics, r => r.Rubric == rubric).Value;
        Assert.Equal(("01", "P26V01", "01122026", "05012027"), (One("S10.G00.00.005"), One("S10.G00.00.006"), One("S20.G00.05.005"), One("S20.G00.05.007")));
        Assert.Equal(("800123457", "00015"), (One("S21.G00.06.001"), One("S21.G00.06.002")));
        Assert.Equal((nir.Value[..13], "LEFÈVRE-D'ARC", "01", "03021991"), (One("S21.G00.30.001"), One("S21.G00.30.002"), One("S21.G00.30.005"), One("S21.G00.30.006")));
        Assert.Equal(("Musicienne soliste", "354b", "99", "0.00", "06", "9712345678"),
            (One("S21.G00.40.006"), One("S21.G00.40.004"), One("S21.G00.40.011"), One("S21.G00.40.013"), One("S21.G00.40.025"), One("S21.G00.40.022")));
        Assert.Equal(("paie@partage.test", "0320000000", "04"), (One("S10.G00.02.004"), One("S20.G00.07.002"), One("S20.G00.07.004")));
        Assert.Equal(("01", "FR", "2.00", "39"), (One("S21.G00.50.003"), One("S21.G00.30.015"), One("S21.G00.53.002"), One("S21.G00.53.003")));
        Assert.Equal(("Roubaix", "59", "01"), (One("S21.G00.30.007"), One("S21.G00.30.014"), One("S21.G00.30.013")));
        Assert.Equal(("400.00", "600.00"), (One("S21.G00.50.004"), rubrics.First(r => r.Rubric == "S21.G00.51.013").Value));
        Assert.Equal(("03122026", "031"), (One("S21.G00.62.001"), One("S21.G00.62.002")));
        Assert.Equal((lines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"), (One("S90.G00.90.001"), One("S90.G00.90.002")));
        Assert.Contains(bytes, b => b == 0xC8);   // "È" in one Latin-1 byte
        Assert.Equal("3 rue des OEillets", One("S21.G00.30.008"));   // Latin-1 has no Œ: its usual spelling, never « ? »

        // Blocks in the norm's order; an individual contribution always under a base.
        var blocks = rubrics.Select(r => r.Rubric[..10]).ToList();
        Assert.Equal(blocks.Order(StringComparer.Ordinal).Where(b => b.StartsWith("S10", StringComparison.Ordinal) || b.StartsWith("S20", StringComparison.Ordinal)),
            blocks.Where(b => b.StartsWith("S10", StringComparison.Ordinal) || b.StartsWith("S20", StringComparison.Ordinal)));
        Assert.Equal("S21.G00.78", blocks[blocks.IndexOf("S21.G00.81") - 1]);
        var declared = rubrics.Where(r => r.Rubric == "S21.G00.81.004").Sum(r => decimal.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DsnFile.Bases(result, complements).SelectMany(b => b.Contributions).Sum(c => c.Amount), declared);

        var empty = Encoding.Latin1.GetString(DsnFile.Write(submission with { Individuals = [], Test = false }, complements));
        Assert.Contains("S20.G00.05.002,'02'", empty, StringComparison.Ordinal);
        Assert.Contains("S10.G00.00.005,'02'", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("S21.G00.30", empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Birthplace_AbroadDeclaredWithItsCountry_MissingOnesNamed_AnotherNormRefused()
    {
        var body = "1910299352001";   // born abroad: department 99, then INSEE's country code
        var abroad = Nir.Parse(body + (97 - long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        var contact = new DsnContact("Service paie", "paie@partage.test", "0320000000");
        var awa = new DsnIndividual(abroad, "Diallo", "Awa", new DateOnly(1991, 2, 3), "A2", "", "", "", []) { BirthPlace = "Dakar", BirthCountry = "SN" };
        var lou = new DsnIndividual(Nir.Parse(Employers.StaffPayrollTests.Nir(3)), "Roux", "Lou", new DateOnly(1991, 2, 3), "A3", "", "", "", []);
        var submission = new DsnSubmission(2026, 12, true, new DateOnly(2027, 1, 5),
            new DsnSender("900000001", "00017", "SCIC Partage", "1 rue de la Coopération", "59000", "Lille", contact),
            new DsnEmployer("80012345700015", "9001Z", "Festival du Nord", "2 place d'Armes", "59000", "Lille", "3090", contact, 151.67m, "923AB", 0.0123m, null, null),
            [awa]);
        var complements = DsnFile.ComplementsOn(ParameterCatalog.Default, new DateOnly(2026, 12, 1));

        // Born abroad: department 99, the country's ISO code, outside the European Union.
        var text = Encoding.Latin1.GetString(DsnFile.Write(submission, complements));
        Assert.Contains("S21.G00.30.007,'Dakar'\r\nS21.G00.30.013,'04'\r\nS21.G00.30.014,'99'\r\nS21.G00.30.015,'SN'", text, StringComparison.Ordinal);

        // A town missing (born in France) or a country missing (born abroad): refused, naming everyone to complete.
        var missing = Assert.Throws<DomainException>(() => DsnFile.Write(submission with { Individuals = [awa with { BirthCountry = null }, lou] }, complements));
        Assert.Equal((PayrollErrors.DsnNotReady, "La DSN déclare la commune (et, hors de France, le pays) de naissance de chaque salarié ; complétez la fiche de : Awa Diallo, Lou Roux."),
            (missing.Error, missing.Message));
        var nextYear = Assert.Throws<DomainException>(() => DsnFile.Write(submission with { Year = 2027, Month = 1, Individuals = [] }, complements));
        Assert.Contains("norme P26V01 (périodes de 2026) seulement", nextYear.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declarant_MissingSettingsNamed_NicCheckedAgainstTheSiren()
    {
        var options = new PayrollOptions { Establishments = { ["SCIC"] = new() { Nic = "00017", Ape = "9001Z", Phone = "0320000000" } } };
        var missing = Assert.Throws<DomainException>(() => options.DsnDeclarant("SCIC", "SCIC Partage", "900000001"));
        Assert.Equal("Les références de déclarant de SCIC sont à compléter : Payroll:Establishments:SCIC:UrssafCode, Payroll:Establishments:SCIC:Email, "
            + "Payroll:Establishments:SCIC:AtRiskCode, Payroll:Establishments:SCIC:CongesSpectacles.", missing.Message);
        var complete = options.Establishments["SCIC"];
        (complete.UrssafCode, complete.Email, complete.AtRiskCode, complete.CongesSpectacles) = ("317", "paie@partage.test", "923AB", "9712345678");
        var declarant = options.DsnDeclarant("SCIC", "SCIC Partage", "900000001");
        Assert.Equal(("90000000100017", "Service paie SCIC Partage"), (declarant.Siret, declarant.Contact.Name));
        complete.Nic = "00013";
        Assert.Contains("ne forme pas un SIRET valide", Assert.Throws<DomainException>(() => options.DsnDeclarant("SCIC", "SCIC Partage", "900000001")).Message, StringComparison.Ordinal);
    }
}
