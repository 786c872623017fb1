using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>What a payslip prints, whoever the employer: the cooperative for its members, or an employer under a payroll mandate for its staff.</summary>
public sealed record PayslipPrint(
    string Number, string Period, DateOnly From, DateOnly To, string Contract, DateOnly ContractStart, DateOnly ContractEnd,
    string EmployerName, string EmployerIdentifier, string EmployerAddress, string EmployeeName, string EmployeeAddress, string Employment, string? CollectiveAgreement,
    PayrollResult Result, Money NetBeforeTax, Money NetTaxable, decimal TaxRate, bool NeutralTaxRate, Money Tax, Money NetPaid, DateOnly DueOn, DateOnly? PaidOn,
    Money EmployerCost, Money Allowances)
{
    /// <summary>Withheld after the net pay (cooperative shares a coordinator subscribed), with its label; zero for most payslips.</summary>
    public Money Deduction { get; init; } = Money.ZeroEur;

    public string? DeductionLabel { get; init; }

    /// <summary>The establishment that pays: its SIRET, APE code and the URSSAF its contributions go to (R3243-1 1°).</summary>
    public string? Establishment { get; init; }

    /// <summary>The hours of the period, paid at the base pay's rate (R3243-1 5°); null for a pay in cachets.</summary>
    public decimal? Hours { get; init; }

    public int? Cachets { get; init; }

    public bool Cadre { get; init; }
}

/// <summary>
/// The payslip as PDF. Periods up to December 2026: the "bulletin clarifié" adapted in 2023 (the legal headings, the net
/// before tax, the tax withheld, the net paid, the net social amount and the employer cost). From January 2027 the
/// "rénové" model becomes mandatory (arrêté du 31 janvier 2023, its article 1 model, in force as amended on 11 August
/// 2025; service-public A18500): the gross first, the compulsory contributions in the model's rows, the exemptions, the
/// optional ones (prévoyance), the net social amount in its place, the reimbursements, then the net and the tax; with
/// every mention of R3243-1 (establishment's SIRET, APE and URSSAF, the collective agreement's title, the employment and
/// its classification, the hours or cachets and their rate). Labels wrap, never cut.
/// </summary>
public static class PayslipDocument
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The first period printed on the "rénové" model.</summary>
    public static readonly DateOnly RenovatedModelFrom = new(2027, 1, 1);

    public static byte[] Write(PayslipPrint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        using var pdf = new PdfDocumentWriter($"Bulletin de paie {p.Number}", p.EmployerName);
        pdf.Title("Bulletin de paie");
        if (p.From >= RenovatedModelFrom)
        {
            WriteRenovated(pdf, p);
        }
        else
        {
            WriteClarified(pdf, p);
        }

        pdf.Space();
        pdf.Paragraph("Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée. Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr.");
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private static string Eur(decimal amount) => Money.Eur(Rounding.ToCents(amount)).ToDisplayString();

    private static string Pct(decimal rate) => rate == 0 ? string.Empty : (rate * 100).ToString("0.###", French) + " %";

    private static void WriteClarified(PdfDocumentWriter pdf, PayslipPrint p)
    {
        var result = p.Result;
        pdf.Line($"{p.Number} — période {p.Period}, travail du {p.From:dd/MM/yyyy} au {p.To:dd/MM/yyyy} (contrat {p.Contract} du {p.ContractStart:dd/MM/yyyy} au {p.ContractEnd:dd/MM/yyyy})", strong: true);
        pdf.Line($"Employeur : {p.EmployerName}, {p.EmployerIdentifier}, {p.EmployerAddress}");
        pdf.Line($"Salarié : {p.EmployeeName}, {p.EmployeeAddress} — {p.Employment}");
        pdf.Line($"Convention collective : IDCC {p.CollectiveAgreement ?? "aucune"} — plafond de sécurité sociale de la période {Eur(result.Ceiling)}");
        pdf.Space();
        var rows = GrossRows(p, withRate: false);
        foreach (var section in PayslipLabels.Sections)
        {
            var lines = result.Lines.Where(l => l.Section == section).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            rows.Add([PayslipLabels.Section(section).ToUpperInvariant(), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
            rows.AddRange(lines.Select(l => (IReadOnlyList<string>)[l.Label, Eur(l.Base), Pct(l.EmployeeRate), l.EmployeeAmount == 0 ? string.Empty : Eur(l.EmployeeAmount), Pct(l.EmployerRate), l.EmployerAmount == 0 ? string.Empty : Eur(l.EmployerAmount)]));
        }

        rows.Add(["EXONÉRATIONS, ÉCRÊTEMENTS ET ALLÈGEMENTS", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
        rows.AddRange(result.Reductions.Select(r => (IReadOnlyList<string>)[$"Réduction générale ({r.Code}, coefficient {r.Coefficient.ToString("0.0000", French)})", string.Empty, string.Empty, string.Empty, string.Empty, "-" + Eur(r.Amount)]));
        rows.Add(["Total des cotisations et contributions", string.Empty, string.Empty, Eur(result.TotalEmployee), string.Empty, Eur(result.TotalEmployer - result.TotalReductions)]);
        pdf.Table(["Rubrique", "Base", "Taux sal.", "Part sal.", "Taux pat.", "Part pat."], [185, 58, 50, 58, 50, 64], new HashSet<int> { 1, 2, 3, 4, 5 }, rows);
        pdf.Space();
        pdf.Line($"Net à payer avant impôt sur le revenu : {p.NetBeforeTax.ToDisplayString()}", strong: true);
        pdf.Line(TaxLine(p));
        if (!p.Allowances.IsZero)
        {
            pdf.Line($"Frais remboursés (repas, hébergement), hors cotisations : {p.Allowances.ToDisplayString()}");
        }

        pdf.Line(NetPaidLine(p), strong: true);
        pdf.Line($"Montant net social : {Eur(result.NetSocial)}");
        pdf.Line($"Total versé par l'employeur (salaire et cotisations, après allègements) : {p.EmployerCost.ToDisplayString()}");
    }

    private static void WriteRenovated(PdfDocumentWriter pdf, PayslipPrint p)
    {
        var result = p.Result;
        pdf.Line($"{p.Number} — période du {p.From:dd/MM/yyyy} au {p.To:dd/MM/yyyy} ({p.Period}), payé le {p.DueOn:dd/MM/yyyy}", strong: true);
        pdf.Line($"Employeur : {p.EmployerName}, {p.EmployerAddress}");
        pdf.Line($"Établissement : {p.Establishment ?? p.EmployerIdentifier}");
        pdf.Line($"Convention collective : {AgreementTitle(p.CollectiveAgreement)}");
        pdf.Line($"Salarié : {p.EmployeeName}, {p.EmployeeAddress}");
        pdf.Line($"Emploi : {p.Employment} ; classification : {(p.Cadre ? "cadre" : "non-cadre")} ; contrat {p.Contract} du {p.ContractStart:dd/MM/yyyy} au {p.ContractEnd:dd/MM/yyyy}");
        pdf.Line($"Plafond de la sécurité sociale de la période : {Eur(result.Ceiling)}");
        pdf.Space();

        var rows = GrossRows(p, withRate: true);
        rows.Add(["MONTANT BRUT", Eur(result.Gross), string.Empty, string.Empty, string.Empty, string.Empty]);
        rows.Add(["COTISATIONS ET CONTRIBUTIONS SOCIALES OBLIGATOIRES", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
        var compulsory = result.Lines.Where(l => !Optional.Contains(l.Code)).ToList();
        foreach (var (heading, label, codes) in RenovatedRows)
        {
            var lines = compulsory.Where(l => codes.Contains(l.Code)).ToList();
            if (heading is not null && lines.Count > 0 && RenovatedRows.First(r => r.Heading == heading).Label == label)
            {
                rows.Add([heading, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
            }

            if (lines.Count > 0)
            {
                rows.Add(Row(label, lines));
            }
        }

        var (compulsoryEmployee, compulsoryEmployer) = (compulsory.Sum(l => l.EmployeeAmount), compulsory.Sum(l => l.EmployerAmount));
        rows.Add(["TOTAL DES COTISATIONS ET CONTRIBUTIONS OBLIGATOIRES", string.Empty, string.Empty, Eur(compulsoryEmployee), string.Empty, Eur(compulsoryEmployer)]);
        rows.Add(["EXONÉRATIONS ET ALLÈGEMENTS DE COTISATIONS", string.Empty, string.Empty, string.Empty, string.Empty, result.TotalReductions == 0 ? Eur(0) : "-" + Eur(result.TotalReductions)]);
        rows.AddRange(result.Reductions.Where(r => r.Amount > 0).Select(r => (IReadOnlyList<string>)[$"dont réduction générale des cotisations patronales (coefficient {r.Coefficient.ToString("0.0000", French)})", string.Empty, string.Empty, string.Empty, string.Empty, "-" + Eur(r.Amount)]));
        var optional = result.Lines.Where(l => Optional.Contains(l.Code)).ToList();
        if (optional.Count > 0)
        {
            rows.Add(["COTISATIONS ET CONTRIBUTIONS SOCIALES FACULTATIVES", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
            rows.Add(Row("Prévoyance, incapacité, invalidité, décès", optional));
            rows.Add(["TOTAL DES COTISATIONS ET CONTRIBUTIONS FACULTATIVES", string.Empty, string.Empty, Eur(optional.Sum(l => l.EmployeeAmount)), string.Empty, Eur(optional.Sum(l => l.EmployerAmount))]);
        }

        pdf.Table(["Rubrique", "Base", "Taux sal.", "Part salarié", "Taux empl.", "Part employeur"], [230, 56, 44, 58, 44, 62], new HashSet<int> { 1, 2, 3, 4, 5 }, rows);
        pdf.Space();
        pdf.Line($"MONTANT NET SOCIAL : {Eur(result.NetSocial)}", strong: true);
        pdf.Line("REMBOURSEMENTS ET DÉDUCTIONS DIVERSES : " + (p.Allowances.IsZero ? "aucun" : $"frais professionnels remboursés (repas, hébergement), hors cotisations {p.Allowances.ToDisplayString()}"));
        pdf.Line($"NET À PAYER AVANT IMPÔT SUR LE REVENU : {(p.NetBeforeTax + p.Allowances).ToDisplayString()}", strong: true);
        pdf.Line(TaxLine(p));
        pdf.Line(NetPaidLine(p), strong: true);
        pdf.Line($"TOTAL VERSÉ PAR L'EMPLOYEUR (salaire et cotisations, après allègements) : {p.EmployerCost.ToDisplayString()}");
        pdf.Line($"Allègements de cotisations : {Eur(result.TotalReductions)}");
    }

    /// <summary>The base pay (with its hours or cachets and rate on the rénové model), then a CDD's end-of-contract indemnities and the gross they make.</summary>
    private static List<IReadOnlyList<string>> GrossRows(PayslipPrint p, bool withRate)
    {
        var result = p.Result;
        var basePay = result.Gross - result.EndOfContractIndemnity - result.PaidLeaveIndemnity;
        var work = !withRate ? string.Empty
            : p.Cachets is > 0 and var cachets ? $" : {cachets} cachet(s) à {Eur(basePay / cachets)}"
            : p.Hours is > 0 and var hours ? $" : {hours.ToString("0.##", French)} h à {Eur(basePay / hours)} de l'heure"
            : string.Empty;
        var rows = new List<IReadOnlyList<string>> { new[] { "Salaire de base" + work, Eur(basePay), string.Empty, string.Empty, string.Empty, string.Empty } };
        if (result.EndOfContractIndemnity + result.PaidLeaveIndemnity > 0)
        {
            // The last payslip of a régime général CDD: the two indemnities the law adds, then the gross all contributions are on.
            if (result.EndOfContractIndemnity > 0)
            {
                rows.Add(["Indemnité de fin de contrat (art. L1243-8)", Eur(result.EndOfContractIndemnity), string.Empty, string.Empty, string.Empty, string.Empty]);
            }

            rows.Add(["Indemnité compensatrice de congés payés (art. L1242-16)", Eur(result.PaidLeaveIndemnity), string.Empty, string.Empty, string.Empty, string.Empty]);
            if (!withRate)
            {
                rows.Add(["Salaire brut", Eur(result.Gross), string.Empty, string.Empty, string.Empty, string.Empty]);
            }
        }

        return rows;
    }

    /// <summary>One row of the rénové model: its lines added up; the base and rates shown when every line has the same base.</summary>
    private static IReadOnlyList<string> Row(string label, IReadOnlyList<PayslipLine> lines)
    {
        var (employee, employer) = (lines.Sum(l => l.EmployeeAmount), lines.Sum(l => l.EmployerAmount));
        var sameBase = lines.Select(l => l.Base).Distinct().Count() == 1;
        return [label, sameBase ? Eur(lines[0].Base) : string.Empty, sameBase ? Pct(lines.Sum(l => l.EmployeeRate)) : string.Empty, employee == 0 ? string.Empty : Eur(employee),
            sameBase ? Pct(lines.Sum(l => l.EmployerRate)) : string.Empty, employer == 0 ? string.Empty : Eur(employer)];
    }

    private static string TaxLine(PayslipPrint p) =>
        $"Impôt sur le revenu prélevé à la source : base {p.NetTaxable.ToDisplayString()}, taux {(p.TaxRate * 100).ToString("0.0##", French)} % {(p.NeutralTaxRate ? "(taux non personnalisé)" : "(taux transmis par l'administration fiscale)")}, montant {p.Tax.ToDisplayString()}";

    private static string NetPaidLine(PayslipPrint p) =>
        (p.Deduction.IsZero ? string.Empty : $"Net à payer : {(p.NetPaid + p.Allowances).ToDisplayString()} ; retenue après le net — {p.DeductionLabel} : -{p.Deduction.ToDisplayString()}. ")
        + $"Net payé : {(p.NetPaid + p.Allowances - p.Deduction).ToDisplayString()} — le {p.DueOn:dd/MM/yyyy} par virement{(p.PaidOn is { } paid ? $" (payé le {paid:dd/MM/yyyy})" : string.Empty)}";

    /// <summary>The prévoyance lines: "facultatives" on the rénové model (not common to every employee), whatever the agreement that makes them due.</summary>
    private static readonly HashSet<string> Optional = [PayslipLabels.PrevoyanceCadre.Code, PayslipLabels.PrevoyanceIntermittents.Code];

    /// <summary>The rows of the rénové model's compulsory block, each with its heading (shown once, before its first row with lines) and the engine's lines it adds up.</summary>
    private static readonly (string? Heading, string Label, string[] Codes)[] RenovatedRows =
    [
        ("Santé", "Sécurité sociale maladie maternité invalidité décès", [PayslipLabels.Maladie.Code]),
        (null, "Accidents du travail & maladies professionnelles", [PayslipLabels.AccidentTravail.Code]),
        ("Retraite", "Sécurité sociale vieillesse plafonnée", [PayslipLabels.VieillessePlafonnee.Code]),
        ("Retraite", "Sécurité sociale vieillesse déplafonnée", [PayslipLabels.VieillesseDeplafonnee.Code]),
        ("Retraite", "Retraite complémentaire, CEG et CET T1", [PayslipLabels.RetraiteComplementaireT1.Code, PayslipLabels.CegT1.Code]),
        ("Retraite", "Retraite complémentaire, CEG et CET T2", [PayslipLabels.RetraiteComplementaireT2.Code, PayslipLabels.CegT2.Code, PayslipLabels.Cet.Code]),
        (null, "Famille", [PayslipLabels.AllocationsFamiliales.Code]),
        (null, "Assurance chômage", [PayslipLabels.Chomage.Code, PayslipLabels.ChomageIntermittents.Code, PayslipLabels.Ags.Code]),
        (null, "Apec", [PayslipLabels.Apec.Code]),
        (null, "Autres charges dues par l'employeur", [PayslipLabels.Csa.Code, PayslipLabels.Fnal.Code, PayslipLabels.DialogueSocial.Code, PayslipLabels.FormationProfessionnelle.Code,
            PayslipLabels.CpfCdd.Code, PayslipLabels.Afdas.Code, PayslipLabels.TaxeApprentissage.Code, PayslipLabels.TaxeApprentissageSolde.Code,
            PayslipLabels.TaxeApprentissageSupplementaire.Code, PayslipLabels.VersementMobilite.Code, PayslipLabels.Peec.Code,
            PayslipLabels.ForfaitSocial.Code, PayslipLabels.Cmb.Code]),
        (null, "Cotisations statutaires ou prévues par la convention collective", [PayslipLabels.CongesSpectacles.Code, PayslipLabels.Fnas.Code, PayslipLabels.Fcap.Code]),
        (null, "CSG déductible de l'impôt sur le revenu", [PayslipLabels.CsgDeductible.Code]),
        (null, "CSG/CRDS non déductible de l'impôt sur le revenu", [PayslipLabels.CsgNonDeductible.Code, PayslipLabels.Crds.Code]),
    ];

    /// <summary>A collective agreement by its title, as the contract and the payslip name it (R3243-1 4°).</summary>
    internal static string AgreementTitle(string? idcc) => idcc switch
    {
        "3090" => "Convention collective nationale des entreprises du secteur privé du spectacle vivant (IDCC 3090)",
        "1285" => "Convention collective nationale des entreprises artistiques et culturelles (IDCC 1285)",
        null or "" => "Aucune convention collective étendue applicable",
        _ => $"Convention collective IDCC {idcc}",
    };
}
