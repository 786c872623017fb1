namespace Partage.Payroll.Tests;

/// <summary>The three worked payslips of the payroll research note (docs/payroll.md §worked examples), to the cent.</summary>
public class WorkedExampleTests
{
    internal static PayrollRequest Request(string kind, string type, string start, string end, decimal gross, decimal? hours = null, decimal? days = null, decimal? cachets = null,
        decimal at = 0.01m, decimal mobility = 0, bool? congesSpectacles = null, string? dfs = null, int headcount = 20, bool cadre = false, string? period = null) =>
        new(period ?? start[..7], new EmployerInput(headcount, at, mobility, false, congesSpectacles ?? kind != "regime_general", null), new EmployeeInput(kind, cadre, dfs),
            new ContractInput(type, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            new WorkInput(hours, days, cachets), gross);

    private static PayrollResult Compute(PayrollRequest request) => PayslipEngine.Compute(request, ParameterCatalog.Default);

    private static (decimal Employee, decimal Employer) Line(PayrollResult result, string code)
    {
        var line = Assert.Single(result.Lines, l => l.Code == code);
        return (line.EmployeeAmount, line.EmployerAmount);
    }

    [Fact]
    public void A_RegimeGeneralCdd_2500_November2026_Paris()
    {
        var result = Compute(Request("regime_general", "CDD", "2026-11-01", "2026-11-30", 2500m, hours: 151.67m, mobility: 0.032m));
        Assert.Equal((172.50m, 213.75m), Line(result, "vieillesse_plafonnee"));
        Assert.Equal((10.00m, 52.75m), Line(result, "vieillesse_deplafonnee"));
        Assert.Equal((78.75m, 118.00m), Line(result, "retraite_complementaire_t1"));
        Assert.Equal((0m, 25.00m), Line(result, "cpf_cdd"));
        Assert.Equal((0m, 80.00m), Line(result, "versement_mobilite"));
        Assert.Equal((167.03m, 0m), Line(result, "csg_deductible"));
        Assert.Equal(2456.25m, Assert.Single(result.Lines, l => l.Code == "crds").Base);
        var rgdu = Assert.Single(result.Reductions);
        Assert.Equal(("rgdu", 0.1839m, 459.75m), (rgdu.Code, rgdu.Coefficient, rgdu.Amount));
        Assert.Equal((521.01m, 1161.65m), (result.TotalEmployee, result.TotalEmployer));
        Assert.Equal((1978.99m, 2050.22m, 3201.90m), (result.NetBeforeTax, result.NetTaxable, result.EmployerCost));
    }

    [Fact]
    public void ShortRegimeGeneralContract_CeilingInThirtieths_TranchesAndCetFollow()
    {
        var result = Compute(Request("regime_general", "CDD", "2026-11-16", "2026-11-30", 3000m, hours: 75m));
        Assert.Equal(2002.50m, result.Ceiling);   // 4,005 × 15 / 30
        Assert.Equal(2002.50m, Assert.Single(result.Lines, l => l.Code == "vieillesse_plafonnee").Base);
        Assert.Equal(997.50m, Assert.Single(result.Lines, l => l.Code == "retraite_complementaire_t2").Base);
        Assert.Contains(result.Lines, l => l.Code == "cet");   // pay above the (prorated) ceiling
        var fullMonth = Compute(Request("regime_general", "CDI", "2026-10-01", "2026-10-31", 3000m, hours: 151.67m));
        Assert.Equal(4005m, fullMonth.Ceiling);   // a whole month of 31 days is one monthly ceiling
        var artistWeek = Compute(Request("intermittent_artist", "CDDU", "2026-11-02", "2026-11-08", 1400m, cachets: 7, days: 7));
        Assert.Equal(934.50m, artistWeek.Ceiling);   // 5 days or more: thirtieths (7 / 30), not 12 hourly ceilings a day
    }

    [Fact]
    public void HighPay_BasesStopAtTheirCeilingMultiples_ReadFromTheCatalog()
    {
        var request = Request("regime_general", "CDI", "2026-11-01", "2026-11-30", 40_000m, hours: 151.67m, cadre: true);
        var result = Compute(request);
        decimal Base(PayrollResult r, string code) => Assert.Single(r.Lines, l => l.Code == code).Base;
        Assert.Equal(16_020m, Base(result, "chomage"));    // 4 × 4,005
        Assert.Equal(16_020m, Base(result, "ags"));
        Assert.Equal(16_020m, Base(result, "apec"));
        Assert.Equal(28_035m, Base(result, "retraite_complementaire_t2"));   // from 1 to 8 ceilings
        Assert.Equal(32_040m, Base(result, "cet"));

        // The multiples are dated rows: a later row changes the base from its date, nothing in the code.
        var changed = PayslipEngine.Compute(request, ParameterCatalog.Default.With([new ParameterValue("plafond_chomage_pss", new DateOnly(2026, 11, 1), 3m, "test", false)]));
        Assert.Equal(12_015m, Base(changed, "chomage"));
        Assert.Equal(16_020m, Base(changed, "apec"));
    }

    [Fact]
    public void CadreOf15Employees_PrevoyanceInTheCsgBase_ForfaitSocial_NotInTheNetTaxable()
    {
        // A cadre paid 5,000 € in March 2026 by an employer of 15: the death-cover prévoyance is 1.50 % of tranche 1 (4,005): 60.075 → 60.08 €.
        var result = Compute(Request("regime_general", "CDI", "2026-03-01", "2026-03-31", 5000m, hours: 151.67m, cadre: true, headcount: 15));
        Assert.Equal((0m, 60.08m), Line(result, "prevoyance_cadre"));
        Assert.Equal((0m, 4.81m), Line(result, "forfait_social"));                                       // 8 % × 60.08 = 4.8064 (CSS L137-15, from 11 employees)
        Assert.Equal(4972.58m, Assert.Single(result.Lines, l => l.Code == "csg_deductible").Base);   // 98.25 % × 5,000 + 60.08
        var (csgNonDeductible, _) = Line(result, "csg_non_deductible");
        var (crds, _) = Line(result, "crds");
        Assert.Equal(result.NetBeforeTax + csgNonDeductible + crds, result.NetTaxable);              // the 60.08 is not taxable (CGI 83 1° quater)

        var ten = Compute(Request("regime_general", "CDI", "2026-03-01", "2026-03-31", 5000m, hours: 151.67m, cadre: true, headcount: 10));
        Assert.DoesNotContain(ten.Lines, l => l.Code == "forfait_social");                             // under 11 employees: none
    }

    [Fact]
    public void Intermittent_WithoutTheHolidayFund_IsRefused_NotSilentlyLeftOut()
    {
        var error = Assert.Throws<Partage.Kernel.InputValidationException>(() => Compute(Request("intermittent_technician", "CDDU", "2026-11-14", "2026-11-14", 200m, hours: 8m, days: 1, congesSpectacles: false)));
        Assert.Contains("employer.conges_spectacles", error.Errors.Keys);

        // A régime général employee has no such fund: the same flag is no error there.
        Assert.DoesNotContain(Compute(Request("regime_general", "CDD", "2026-11-02", "2026-11-13", 1000m, hours: 70m, congesSpectacles: false)).Lines, l => l.Code == "conges_spectacles");
    }

    [Fact]
    public void RegimeGeneralCdd_EndingInTheMonth_BothIndemnitiesOnTheLastPayslip()
    {
        // A CDD from 15 October to 13 November 2026 paid 1,000 € in October and 1,400 € in November: 2,400 € in all.
        // End-of-contract indemnity 10 % × 2,400 = 240.00 (L1243-8); paid leave 10 % × (2,400 + 240) = 264.00 (L1242-16, L3141-24).
        var request = Request("regime_general", "CDD", "2026-10-15", "2026-11-13", 1400m, hours: 70m, period: "2026-11");
        var last = Compute(request with { Contract = request.Contract! with { EndOfContract = new EndOfContractInput(2400m, null) } });
        Assert.Equal((240.00m, 264.00m), (last.EndOfContractIndemnity, last.PaidLeaveIndemnity));
        Assert.Equal(1904.00m, last.Gross);                                                                     // 1,400 + 240 + 264, all of it subject to contributions
        Assert.Equal(1904.00m, Assert.Single(last.Lines, l => l.Code == "chomage").Base);
        Assert.Equal(1870.68m, Assert.Single(last.Lines, l => l.Code == "csg_deductible").Base);               // 98.25 % × 1,904
        var without = Compute(request);
        Assert.Equal((0m, 0m, 1400m), (without.EndOfContractIndemnity, without.PaidLeaveIndemnity, without.Gross));

        // A CDI refused at the end: no precariousness indemnity, the paid leave still due (10 % × 2,400).
        var refused = Compute(request with { Contract = request.Contract! with { EndOfContract = new EndOfContractInput(2400m, PrecarityExemptions.CdiRefused) } });
        Assert.Equal((0m, 240.00m, 1640.00m), (refused.EndOfContractIndemnity, refused.PaidLeaveIndemnity, refused.Gross));

        // A CDD d'usage of an intermittent has neither (the Congés Spectacles fund pays the leave).
        var usage = Request("intermittent_technician", "CDDU", "2026-11-02", "2026-11-06", 1000m, hours: 40m, days: 5);
        var technician = Compute(usage with { Contract = usage.Contract! with { EndOfContract = new EndOfContractInput(1000m, null) } });
        Assert.Equal((0m, 0m, 1000m), (technician.EndOfContractIndemnity, technician.PaidLeaveIndemnity, technician.Gross));

        // Only on the month the contract ends, with a valid amount and reason.
        var october = Request("regime_general", "CDD", "2026-10-15", "2026-11-13", 1000m, hours: 50m, period: "2026-10");
        Assert.Contains("contract.end_of_contract", Assert.Throws<Partage.Kernel.InputValidationException>(() =>
            Compute(october with { Contract = october.Contract! with { EndOfContract = new EndOfContractInput(2400m, null) } })).Errors.Keys);
        Assert.Contains("contract.end_of_contract.precarity_exemption", Assert.Throws<Partage.Kernel.InputValidationException>(() =>
            Compute(request with { Contract = request.Contract! with { EndOfContract = new EndOfContractInput(2400m, "vacances") } })).Errors.Keys);
        Assert.Contains("contract.end_of_contract.contract_gross", Assert.Throws<Partage.Kernel.InputValidationException>(() =>
            Compute(request with { Contract = request.Contract! with { EndOfContract = new EndOfContractInput(-1m, null) } })).Errors.Keys);
    }

    [Fact]
    public void Technician_FiveDaysWorkedInAnElevenDayContract_CeilingOnTheDaysWorked()
    {
        // A technician engaged from 2 to 12 November 2026 who works 5 days of 8 hours, 1,000 € in all: the daily ceiling
        // (220 € in 2026) counts the 5 days worked, 1,100 €, not the 11 calendar days (2,420 €): all the pay is in tranche 1.
        var worked = Compute(Request("intermittent_technician", "CDDU", "2026-11-02", "2026-11-12", 1000m, hours: 40m, days: 5));
        Assert.Equal(1100m, worked.Ceiling);
        Assert.Equal(1000m, Assert.Single(worked.Lines, l => l.Code == "vieillesse_plafonnee").Base);
        var calendar = Compute(Request("intermittent_technician", "CDDU", "2026-11-02", "2026-11-12", 1000m, hours: 40m, days: 11));
        Assert.Equal(2420m, calendar.Ceiling);

        // With 4 days at 300 € a day, 1,200 €: 880 € in tranche 1, 320 € above the ceiling.
        var above = Compute(Request("intermittent_technician", "CDDU", "2026-11-02", "2026-11-12", 1200m, hours: 32m, days: 4));
        Assert.Equal((880m, 320m), (Assert.Single(above.Lines, l => l.Code == "vieillesse_plafonnee").Base, Assert.Single(above.Lines, l => l.Code == "retraite_complementaire_t2").Base));

        // More days worked than the contract has in the period is refused.
        Assert.Contains("work.days", Assert.Throws<Partage.Kernel.InputValidationException>(() =>
            Compute(Request("intermittent_technician", "CDDU", "2026-11-02", "2026-11-12", 1000m, hours: 40m, days: 12))).Errors.Keys);
    }

    [Fact]
    public void B_Technician_OneDayOf8Hours_200()
    {
        var result = Compute(Request("intermittent_technician", "CDDU", "2026-11-14", "2026-11-14", 200m, hours: 8m, days: 1, congesSpectacles: true));
        Assert.Equal(220m, result.Ceiling);   // daily ceiling 220 € × 1 day: the 200 € all in tranche 1
        Assert.Equal((4.80m, 10.00m), Line(result, "chomage_intermittents"));
        Assert.Equal((0m, 9.00m), Line(result, "chomage"));   // 4 % + 0.5 % short CDDU surcharge
        Assert.Equal((7.86m, 7.88m), Line(result, "retraite_complementaire_t1"));
        Assert.Equal((0m, 4.20m), Line(result, "afdas"));
        Assert.Equal((0m, 31.00m), Line(result, "conges_spectacles"));   // 15.50 % (Audiens, from 2023-04-01), not the note's 15.40 %
        Assert.Equal((0m, 0.64m), Line(result, "cmb"));
        Assert.Equal((0m, 2.40m), Line(result, "prevoyance_intermittents"));
        Assert.Equal((0m, 0.19m), Line(result, "forfait_social"));           // 8 % of the employer's prévoyance from 11 employees (CSS L137-15)

        // The CSG/CRDS base is 98.25 % of 200 plus the employer's prévoyance 2.40 (CSS L136-1-1, the note's §4 c): 198.90, where the
        // note's worked table forgot the prévoyance (196.50, 13.36 / 4.72 / 0.98).
        Assert.Equal(198.90m, Assert.Single(result.Lines, l => l.Code == "csg_deductible").Base);
        Assert.Equal((13.53m, 0m), Line(result, "csg_deductible"));
        Assert.Equal((4.77m, 0m), Line(result, "csg_non_deductible"));
        Assert.Equal((0.99m, 0m), Line(result, "crds"));
        Assert.DoesNotContain(result.Lines, l => l.Code is "formation_professionnelle" or "cpf_cdd");
        var rgdu = Assert.Single(result.Reductions);
        Assert.Equal((0.0564m, 11.28m), (rgdu.Coefficient, rgdu.Amount));   // 0.0508 × 100/90 (Congés Spectacles fund)
        Assert.Equal((48.27m, 119.12m), (result.TotalEmployee, result.TotalEmployer - result.TotalReductions));   // the note's 48.04 / 118.73 with the three changes above
        Assert.Equal((151.73m, 157.49m, 319.12m), (result.NetBeforeTax, result.NetTaxable, result.EmployerCost));   // net taxable: 151.73 + 4.77 + 0.99, no prévoyance (CGI 83 1° quater)
    }

    [Fact]
    public void C_Artist_OneCachetOf250_NoDfs()
    {
        var result = Compute(Request("intermittent_artist", "CDDU", "2026-11-21", "2026-11-21", 250m, cachets: 1, days: 1, at: 0.01m, congesSpectacles: true));
        Assert.Equal(360m, result.Ceiling);   // 12 × hourly ceiling 30 € × 1 day
        Assert.Equal((0m, 22.75m), Line(result, "maladie"));                  // 13 % × 70 %
        Assert.Equal((12.08m, 14.98m), Line(result, "vieillesse_plafonnee"));  // 4.83 % / 5.99 %
        Assert.Equal((0.70m, 3.70m), Line(result, "vieillesse_deplafonnee"));  // 0.28 % / 1.48 %
        Assert.Equal((0m, 9.20m), Line(result, "allocations_familiales"));
        Assert.Equal((0m, 1.75m), Line(result, "accident_travail"));
        Assert.Equal((0m, 0.18m), Line(result, "fnal"));
        Assert.Equal((11.10m, 11.13m), Line(result, "retraite_complementaire_t1"));
        Assert.Equal((0m, 38.75m), Line(result, "conges_spectacles"));   // 15.50 %
        Assert.Equal((0m, 3.00m), Line(result, "prevoyance_intermittents"));
        Assert.Equal((0m, 0.24m), Line(result, "forfait_social"));
        Assert.Equal((16.91m, 0m), Line(result, "csg_deductible"));           // on 245.625 + 3.00 of prévoyance = 248.63
        Assert.Empty(result.Reductions);   // no RGDU with the artists' reduced rates (setting)
        // The apprenticeship tax in its two parts, each rounded: 0.59 % → 1.48 and 0.09 % → 0.23, a cent more than 0.68 % → 1.70 in one line.
        Assert.Equal(((0m, 1.48m), (0m, 0.23m)), (Line(result, "taxe_apprentissage"), Line(result, "taxe_apprentissage_solde")));
        Assert.Equal((56.15m, 141.84m), (result.TotalEmployee, result.TotalEmployer));
        Assert.Equal((193.85m, 201.06m, 391.84m), (result.NetBeforeTax, result.NetTaxable, result.EmployerCost));   // 193.85 + 5.97 + 1.24
    }

    [Fact]
    public void C_Artist_WithMusiciansDfs_SocialBase210_UnemploymentHolidaysAndCsgOnTheWholePay()
    {
        var result = Compute(Request("intermittent_artist", "CDDU", "2026-11-21", "2026-11-21", 250m, cachets: 1, days: 1, congesSpectacles: true, dfs: "musician"));
        Assert.Equal(210m, result.SocialBase);   // 250 less 16 % (2026)
        Assert.Equal((0m, 19.11m), Line(result, "maladie"));                  // 210 × 9.10 %
        Assert.Equal((10.14m, 12.58m), Line(result, "vieillesse_plafonnee"));  // 210 × 4.83 % / 5.99 %
        Assert.Equal((9.32m, 9.35m), Line(result, "retraite_complementaire_t1"));
        Assert.Equal((0m, 4.41m), Line(result, "afdas"));
        Assert.Equal((0m, 0.67m), Line(result, "cmb"));
        Assert.Equal((6.00m, 12.50m), Line(result, "chomage_intermittents"));   // on 250
        Assert.Equal((0m, 38.75m), Line(result, "conges_spectacles"));          // on 250
        Assert.Equal((16.87m, 0m), Line(result, "csg_deductible"));             // on 98.25 % of 250 plus the prévoyance on 210 (2.52): 248.15
        Assert.Equal(result.Gross - result.Lines.Sum(l => l.EmployeeAmount), result.NetBeforeTax);
    }
}

public class IncomeTaxWithholdingTests
{
    private static readonly PayrollRates November = ParameterCatalog.Default.Resolve(new DateOnly(2026, 11, 1));

    [Theory]
    [InlineData(1500, 0, 0)]           // under 1,620: 0 %
    [InlineData(1650, 0.005, 8.25)]    // 1,620 to 1,683: 0.5 %
    [InlineData(2050.22, 0.035, 71.76)] // worked example (a): 2,042 to 2,151: 3.5 %
    [InlineData(60000, 0.43, 25800)]
    public void NeutralGrid_ByBracketOfTheMonthlyNetTaxable(decimal netTaxable, decimal rate, decimal amount)
    {
        var withholding = IncomeTaxWithholding.Compute(netTaxable, null, 0m, November);
        Assert.Equal((rate, amount, true), (withholding.Rate, withholding.Amount, withholding.NeutralRate));
    }

    [Fact]
    public void ShortContract_BaseLessHalfTheNetTaxableSmic_NotifiedRateWins()
    {
        // Half the net taxable pay of a full-time SMIC month (12.31 × 35 × 52 / 12 = 1,867.02 € gross), rounded to the euro; not half the gross (933.51 €).
        var smicMonth = PayslipEngine.Compute(new PayrollRequest("2026-11", new EmployerInput(20, 0.01m, 0, false, false, null), new EmployeeInput("regime_general", false, null),
            new ContractInput("CDD", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), new WorkInput(151.67m, null, null), 1867.02m), ParameterCatalog.Default);
        var abatement = IncomeTaxWithholding.ShortContractAbatement(ParameterCatalog.Default, new DateOnly(2026, 11, 1));
        Assert.Equal(decimal.Round(smicMonth.NetTaxable / 2, 0, MidpointRounding.AwayFromZero), abatement);
        Assert.InRange(abatement, 700m, 800m);
        Assert.Equal(0m, IncomeTaxWithholding.ShortContractAbatement(ParameterCatalog.Default, new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 2), new DateOnly(2026, 11, 1)));   // over two months
        Assert.Equal(abatement, IncomeTaxWithholding.ShortContractAbatement(ParameterCatalog.Default, new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 1), new DateOnly(2026, 11, 1)));
        var shortJob = IncomeTaxWithholding.Compute(2050.22m, null, abatement, November);
        Assert.Equal(2050.22m - abatement, shortJob.Base);
        Assert.Equal(0m, shortJob.Rate);   // the base after the abatement is under 1,620 €: the grid's 0 %
        var notified = IncomeTaxWithholding.Compute(2050.22m, 0.062m, abatement, November);
        Assert.Equal((0.062m, 127.11m, false), (notified.Rate, notified.Amount, notified.NeutralRate));
    }
}
