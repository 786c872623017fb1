using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>The DSN's codes: where each payslip line is declared, the bases, the 2026 complements, PCS-ESE and country codes.</summary>
public static partial class DsnFile
{
    /// <summary>
    /// Where each payslip line goes: the base (S21.G00.78.001) and the individual contribution code
    /// (S21.G00.81.001). Lines of one code under one base add up (Agirc-Arrco's tranches and CEG/CET
    /// are one "131", both CSG parts one "072").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Base, string Code)> Contributions = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [PayslipLabels.Maladie.Code] = (GrossBase, "075"),
        [PayslipLabels.AccidentTravail.Code] = (GrossBase, "045"),
        [PayslipLabels.VieillessePlafonnee.Code] = (CappedBase, "076"),
        [PayslipLabels.VieillesseDeplafonnee.Code] = (GrossBase, "076"),
        [PayslipLabels.AllocationsFamiliales.Code] = (GrossBase, "074"),
        [PayslipLabels.Csa.Code] = (GrossBase, "068"),
        [PayslipLabels.Fnal.Code] = (GrossBase, "049"),
        [PayslipLabels.DialogueSocial.Code] = (GrossBase, "100"),
        [PayslipLabels.FormationProfessionnelle.Code] = (GrossBase, "128"),
        [PayslipLabels.Afdas.Code] = (GrossBase, "128"),
        [PayslipLabels.CpfCdd.Code] = (GrossBase, "129"),
        [PayslipLabels.TaxeApprentissage.Code] = (GrossBase, "130"),
        [PayslipLabels.VersementMobilite.Code] = (GrossBase, "081"),
        [PayslipLabels.Cmb.Code] = (GrossBase, "091"),
        [PayslipLabels.RetraiteComplementaireT1.Code] = (GrossBase, "131"),
        [PayslipLabels.RetraiteComplementaireT2.Code] = (GrossBase, "131"),
        [PayslipLabels.CegT1.Code] = (GrossBase, "131"),
        [PayslipLabels.CegT2.Code] = (GrossBase, "131"),
        [PayslipLabels.Cet.Code] = (GrossBase, "131"),
        [PayslipLabels.Apec.Code] = (GrossBase, "132"),
        [PayslipLabels.Chomage.Code] = (UnemploymentBase, "040"),
        [PayslipLabels.ChomageIntermittents.Code] = (UnemploymentBase, "040"),
        [PayslipLabels.Ags.Code] = (UnemploymentBase, "048"),
        [PayslipLabels.CsgDeductible.Code] = (CsgBase, "072"),
        [PayslipLabels.CsgNonDeductible.Code] = (CsgBase, "072"),
        [PayslipLabels.Crds.Code] = (CsgBase, "079"),
        [PayslipLabels.CongesSpectacles.Code] = (HolidayFundBase, "066"),
        [PayslipLabels.ForfaitSocial.Code] = (ForfaitSocialBase, "071"),
    };

    /// <summary>
    /// Lines the monthly file does not carry: prévoyance needs the affiliation blocks (S21.G00.15/70)
    /// of a contract with an insurer, the PEEC is declared once a year, FNAS and FCAP are paid to
    /// the sector's funds directly; the apprenticeship tax's balance and the supplementary contribution
    /// are declared once, for the whole year, by the establishment (<see cref="YearlyContributions"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> NotDeclared = new HashSet<string>(StringComparer.Ordinal)
    {
        PayslipLabels.PrevoyanceCadre.Code, PayslipLabels.PrevoyanceIntermittents.Code, PayslipLabels.Peec.Code, PayslipLabels.Fnas.Code, PayslipLabels.Fcap.Code,
        PayslipLabels.TaxeApprentissageSolde.Code, PayslipLabels.TaxeApprentissageSupplementaire.Code,
    };

    /// <summary>
    /// The contributions owed on a whole year's payroll and declared once by the establishment (S21.G00.82), in the month
    /// of the next year a dated parameter names: the apprenticeship tax's balance (code 076, April; C. trav. L6241-2) and the
    /// supplementary apprenticeship contribution (code 079, March, due in April; CGI 1609 quinvicies): the payslip line,
    /// its rate parameter, the month's parameter, the DSN code.
    /// </summary>
    private static readonly (string Line, string Rate, string Month, string Code)[] Yearly =
    [
        (PayslipLabels.TaxeApprentissageSolde.Code, "taxe_apprentissage_solde", "dsn_mois_solde_taxe_apprentissage", "076"),
        (PayslipLabels.TaxeApprentissageSupplementaire.Code, "taxe_apprentissage_supplementaire", "dsn_mois_csa", "079"),
    ];

    /// <summary>Whether the month's DSN carries a contribution of the previous year (its payslips are then read).</summary>
    public static bool IsYearlyContributionMonth(ParameterCatalog catalog, DateOnly month) =>
        catalog is not null && Yearly.Any(y => catalog.ValueOn(y.Month, month) is { } due && month.Month == (int)due);

    /// <summary>
    /// The previous calendar year's contributions due in this month: each its rate (on 31 December) on the sum of that year's
    /// bases of its payslip lines, rounded once, for 1 January to 31 December, with the URSSAF's SIRET as reference. None in
    /// other months or without a base.
    /// </summary>
    public static IReadOnlyList<DsnEstablishmentContribution> YearlyContributions(ParameterCatalog catalog, DateOnly month, IReadOnlyList<PayrollResult> previousYear, string urssafSiret)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(previousYear);
        var (from, to) = (new DateOnly(month.Year - 1, 1, 1), new DateOnly(month.Year - 1, 12, 31));
        var due = new List<DsnEstablishmentContribution>();
        foreach (var yearly in Yearly.Where(y => catalog.ValueOn(y.Month, month) is { } m && month.Month == (int)m))
        {
            var @base = previousYear.SelectMany(r => r.Lines).Where(l => l.Code == yearly.Line).Sum(l => l.Base);
            var value = decimal.Round(@base * (catalog.ValueOn(yearly.Rate, to) ?? 0m), 2, MidpointRounding.AwayFromZero);
            if (value != 0)
            {
                due.Add(new DsnEstablishmentContribution(yearly.Code, value, from, to, urssafSiret));
            }
        }

        return due;
    }

    /// <summary>
    /// The yearly contributions due in the month, on the previous year's results (asked for only in the months that declare
    /// some); refused when one is due and the URSSAF's SIRET, their reference, is missing, saying where to set it.
    /// </summary>
    public static async Task<IReadOnlyList<DsnEstablishmentContribution>> YearlyContributionsAsync(
        ParameterCatalog catalog, DateOnly month, string? urssafSiret, string siretSetting, Func<int, Task<IReadOnlyList<PayrollResult>>> yearResults)
    {
        ArgumentNullException.ThrowIfNull(yearResults);
        if (!IsYearlyContributionMonth(catalog, month))
        {
            return [];
        }

        var due = YearlyContributions(catalog, month, await yearResults(month.Year - 1), urssafSiret ?? string.Empty);
        return due.Count > 0 && string.IsNullOrWhiteSpace(urssafSiret)
            ? throw new DomainException(PayrollErrors.DsnNotReady,
                $"La DSN de ce mois déclare des contributions de {month.Year - 1} (contribution supplémentaire à l'apprentissage en mars, solde de la taxe d'apprentissage en avril) : "
                + $"indiquez le SIRET de l'Urssaf ({siretSetting}).")
            : due;
    }

    /// <summary>Reductions are declared as negative contributions on the gross base: the general reduction (018), the 2025 reduced rates on their own codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reductions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rgdu"] = GeneralReduction,
        ["reduction_generale"] = GeneralReduction,
        ["bandeau_maladie"] = "075",
        ["bandeau_famille"] = "074",
    };

    private const string GeneralReduction = "018";

    /// <summary>The general reduction's part set against the Agirc-Arrco contributions (« réduction générale des cotisations patronales de retraite complémentaire »).</summary>
    private const string GeneralReductionRetirement = "106";

    /// <summary>The codes under which the DSN wants the SMIC the reduction was computed on (S21.G00.79 type 01, CCH-16/17).</summary>
    private static readonly string[] GeneralReductionCodes = [GeneralReduction, GeneralReductionRetirement];

    /// <summary>The member states of the European Union (S21.G00.30.013: 01 France, 02 another EU state, 03 the rest of the EEA, 04 elsewhere).</summary>
    private static readonly HashSet<string> EuropeanUnion = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    private const string CappedBase = "02";
    private const string GrossBase = "03";
    private const string CsgBase = "04";
    private const string ForfaitSocialBase = "05";
    private const string UnemploymentBase = "07";
    private const string HolidayFundBase = "27";

    private static readonly string[] BaseOrder = [CappedBase, GrossBase, CsgBase, ForfaitSocialBase, UnemploymentBase, HolidayFundBase];

    /// <summary>
    /// The PCS-ESE code (INSEE, 2017 edition) of a job, from the member's trade and the contract's
    /// kind: the live-performance artists by discipline, their technicians, and the cooperative's
    /// other trades. The PCS-ESE table is an external referential the norm does not carry: these
    /// codes are to confirm against it (docs/payroll.md).
    /// </summary>
    internal static string Pcs(string? trade, EmployeeKind kind) => (kind, trade) switch
    {
        (EmployeeKind.IntermittentArtist, "musician_singer") => "354b",   // artistes de la musique et du chant
        (EmployeeKind.IntermittentArtist, "actor") => "354c",             // artistes dramatiques
        (EmployeeKind.IntermittentArtist, "dancer") => "354e",            // artistes de la danse
        (EmployeeKind.IntermittentArtist, _) => "354f",                   // artistes de cirque et des spectacles divers
        (EmployeeKind.IntermittentTechnician, _) => "637c",               // ouvriers et techniciens des spectacles vivants et audiovisuels
        (_, "technician" or "audiovisual") => "465b",                     // assistants techniques de la réalisation des spectacles vivants et audiovisuels
        (_, "graphic_web_designer") => "465a",                            // concepteurs et assistants techniques des arts graphiques
        (_, "consultant_trainer") => "423b",                              // formateurs et animateurs de formation continue
        (_, "author") => "352b",                                          // auteurs littéraires, scénaristes, dialoguistes
        (_, "communication") => "464a",                                   // assistants de la publicité, des relations publiques
        (_, "workshop_leader") => "435b",                                 // animateurs socioculturels et de loisirs
        _ => "543d",                                                      // employés administratifs divers d'entreprises
    };

    /// <summary>The complements' rates for a month, from the payroll parameters (none before 2026).</summary>
    public static DsnComplements ComplementsOn(ParameterCatalog catalog, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DsnComplements(catalog.ValueOn("dsn_complement_maladie", month) ?? 0m, catalog.ValueOn("dsn_complement_famille", month) ?? 0m);
    }

    /// <summary>The bases of a payslip with their contributions (employee and employer shares together), in the file's order.</summary>
    public static IReadOnlyList<DsnBase> Bases(PayrollResult result, DsnComplements complements)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(complements);
        var declared = result.Lines.Where(l => Contributions.ContainsKey(l.Code))
            .SelectMany(l => Split(Contributions[l.Code].Code, l.Base, l.EmployeeAmount + l.EmployerAmount, complements).Select(c => (Contributions[l.Code].Base, c)))
            .Concat(result.Reductions.SelectMany(r => ReductionParts(r, result.SocialBase)).Select(c => (Base: GrossBase, c)))
            .ToList();
        return BaseOrder.Select(code => (Code: code, Lines: declared.Where(d => d.Base == code).Select(d => d.Item2).ToList()))
            .Where(b => b.Lines.Count > 0)
            .Select(b => new DsnBase(b.Code, b.Code == GrossBase ? result.SocialBase : b.Lines.Max(l => l.Base),
                b.Lines.GroupBy(l => l.Code).Select(g => new DsnContribution(g.Key, g.Max(l => l.Base), g.Sum(l => l.Amount))).ToList()))
            .ToList();
    }

    /// <summary>A reduction as negative contributions: the general reduction in its URSSAF part (018) and its Agirc-Arrco part (106).</summary>
    private static IEnumerable<DsnContribution> ReductionParts(PayslipReduction reduction, decimal on)
    {
        var urssaf = reduction.Amount - reduction.RetirementShare;
        if (urssaf != 0)
        {
            yield return new DsnContribution(Reductions[reduction.Code], on, -urssaf);
        }

        if (reduction.RetirementShare != 0)
        {
            yield return new DsnContribution(GeneralReductionRetirement, on, -reduction.RetirementShare);
        }
    }

    /// <summary>
    /// From 2026 the maladie and family contributions are declared in two parts: the reduced rate on
    /// their own code (075, 074) and the complement on 907 and 102 (URSSAF's instruction for periods
    /// from January 2026, equivalence CTP 635 → 907 and 430 → 102); the parts add up to the line.
    /// </summary>
    private static IEnumerable<DsnContribution> Split(string code, decimal on, decimal amount, DsnComplements complements)
    {
        var (complementCode, rate) = code switch { "075" => ("907", complements.Maladie), "074" => ("102", complements.Family), _ => (null, 0m) };
        if (complementCode is null || rate == 0)
        {
            yield return new DsnContribution(code, on, amount);
            yield break;
        }

        var complement = decimal.Round(on * rate, 2, MidpointRounding.AwayFromZero);
        yield return new DsnContribution(code, on, amount - complement);
        yield return new DsnContribution(complementCode, on, complement);
    }
}
