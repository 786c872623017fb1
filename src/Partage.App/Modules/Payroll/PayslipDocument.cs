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
    Money EmployerCost, Money Allowances);

/// <summary>The "bulletin clarifié" as PDF: the legal headings, the net before tax, the tax withheld, the net paid, the net social amount and the employer cost.</summary>
public static class PayslipDocument
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Write(PayslipPrint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var result = p.Result;
        string Eur(decimal amount) => Money.Eur(Rounding.ToCents(amount)).ToDisplayString();
        string Pct(decimal rate) => rate == 0 ? string.Empty : (rate * 100).ToString("0.###", French) + " %";

        using var pdf = new PdfDocumentWriter($"Bulletin de paie {p.Number}", p.EmployerName);
        pdf.Title("Bulletin de paie");
        pdf.Line($"{p.Number} — période {p.Period}, travail du {p.From:dd/MM/yyyy} au {p.To:dd/MM/yyyy} (contrat {p.Contract} du {p.ContractStart:dd/MM/yyyy} au {p.ContractEnd:dd/MM/yyyy})", strong: true);
        pdf.Line($"Employeur : {p.EmployerName}, {p.EmployerIdentifier}, {p.EmployerAddress}");
        pdf.Line($"Salarié : {p.EmployeeName}, {p.EmployeeAddress} — {p.Employment}");
        pdf.Line($"Convention collective : IDCC {p.CollectiveAgreement ?? "aucune"} — plafond de sécurité sociale de la période {Eur(result.Ceiling)}");
        pdf.Space();
        var rows = new List<IReadOnlyList<string>> { new[] { "Salaire de base", Eur(result.Gross - result.EndOfContractIndemnity - result.PaidLeaveIndemnity), string.Empty, string.Empty, string.Empty, string.Empty } };
        if (result.EndOfContractIndemnity + result.PaidLeaveIndemnity > 0)
        {
            // The last payslip of a régime général CDD: the two indemnities the law adds, then the gross all contributions are on.
            if (result.EndOfContractIndemnity > 0)
            {
                rows.Add(["Indemnité de fin de contrat (art. L1243-8)", Eur(result.EndOfContractIndemnity), string.Empty, string.Empty, string.Empty, string.Empty]);
            }

            rows.Add(["Indemnité compensatrice de congés payés (art. L1242-16)", Eur(result.PaidLeaveIndemnity), string.Empty, string.Empty, string.Empty, string.Empty]);
            rows.Add(["Salaire brut", Eur(result.Gross), string.Empty, string.Empty, string.Empty, string.Empty]);
        }

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
        pdf.Line($"Impôt sur le revenu prélevé à la source : base {p.NetTaxable.ToDisplayString()}, taux {(p.TaxRate * 100).ToString("0.0##", French)} % {(p.NeutralTaxRate ? "(taux non personnalisé)" : "(taux transmis par l'administration fiscale)")}, montant {p.Tax.ToDisplayString()}");
        if (!p.Allowances.IsZero)
        {
            pdf.Line($"Frais remboursés (repas, hébergement), hors cotisations : {p.Allowances.ToDisplayString()}");
        }

        pdf.Line($"Net payé : {(p.NetPaid + p.Allowances).ToDisplayString()} — le {p.DueOn:dd/MM/yyyy} par virement{(p.PaidOn is { } paid ? $" (payé le {paid:dd/MM/yyyy})" : string.Empty)}", strong: true);
        pdf.Line($"Montant net social : {Eur(result.NetSocial)}");
        pdf.Line($"Total versé par l'employeur (salaire et cotisations, après allègements) : {p.EmployerCost.ToDisplayString()}");
        pdf.Space();
        pdf.Paragraph("Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée. Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr.");
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }
}
