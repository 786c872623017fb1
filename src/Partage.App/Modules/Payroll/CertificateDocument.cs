using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>One month of the contract on the certificate: its work, its payslip's result, gross and net paid.</summary>
public sealed record CertificateMonth(ContractMonth Month, PayrollResult Result, long GrossCents, long NetPaidCents);

/// <summary>What an employment certificate prints, whoever the employer: the cooperative for a member, or an employer under mandate for its staff.</summary>
public sealed record CertificatePrint(
    string ContractNumber, bool Intermittent, string Author, IReadOnlyList<string> EmployerLines, string EmployeeLine, string ContractLine, DateOnly Start, DateOnly End,
    decimal HoursPerCachet, IReadOnlyList<CertificateMonth> Months, string Closing);

/// <summary>
/// The employment certificate at the end of a contract: the AEM of an intermittent (annexes 8 and 10, cachets counted
/// in hours), the employer's certificate for France Travail otherwise; every month's work, gross, unemployment base and
/// contributions (both shares) and net paid, the end and its reason.
/// </summary>
public static class CertificateDocument
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static (string FileName, byte[] Content) Write(CertificatePrint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        using var pdf = new PdfDocumentWriter($"Attestation employeur {p.ContractNumber}", p.Author);
        pdf.Title(p.Intermittent ? "Attestation d'employeur mensuelle (AEM)" : "Attestation employeur destinée à France Travail");
        pdf.Line(p.Intermittent ? "Intermittent du spectacle — annexes 8 et 10 de l'assurance chômage, à remettre au salarié et à France Travail" : "Fin de contrat de travail, à remettre au salarié et à France Travail");
        for (var i = 0; i < p.EmployerLines.Count; i++)
        {
            pdf.Line(p.EmployerLines[i], strong: i == 0);
        }

        pdf.Space();
        pdf.Line(p.EmployeeLine, strong: true);
        pdf.Line(p.ContractLine);
        pdf.Line($"Du {p.Start:dd/MM/yyyy} au {p.End:dd/MM/yyyy} ; dernier jour travaillé et payé : {p.End:dd/MM/yyyy}");
        pdf.Line("Motif de fin : fin de contrat à durée déterminée");
        pdf.Space();
        var rows = p.Months.Select(m =>
        {
            var (unemploymentBase, unemployment) = Unemployment(m.Result);
            return (m.Month, Counted: m.Month.Hours ?? m.Month.Cachets * p.HoursPerCachet ?? 0m, Base: unemploymentBase, Contributions: unemployment, Gross: m.GrossCents, Net: m.NetPaidCents);
        }).ToList();
        decimal? Hours(IEnumerable<ContractMonth> worked) => worked.Any(m => m.Hours is not null) ? worked.Sum(m => m.Hours) : null;
        int? Cachets(IEnumerable<ContractMonth> worked) => worked.Any(m => m.Cachets is not null) ? worked.Sum(m => m.Cachets) : null;
        var table = rows.Select(r => (IReadOnlyList<string>)[r.Month.Period, $"{r.Month.From:dd}–{r.Month.To:dd}/{r.Month.To:MM}", Number(Hours([r.Month])),
                Cachets([r.Month])?.ToString(French) ?? string.Empty, Number(r.Counted), Money.Eur(r.Gross).ToDisplayString(), Eur(r.Base), Eur(r.Contributions), Money.Eur(r.Net).ToDisplayString()])
            .Append(["Total", string.Empty, Number(Hours(rows.Select(r => r.Month))), Cachets(rows.Select(r => r.Month))?.ToString(French) ?? string.Empty, Number(rows.Sum(r => r.Counted)),
                Money.Eur(rows.Sum(r => r.Gross)).ToDisplayString(), Eur(rows.Sum(r => r.Base)), Eur(rows.Sum(r => r.Contributions)), Money.Eur(rows.Sum(r => r.Net)).ToDisplayString()]);
        pdf.Table(["Mois", "Jours", "Heures", "Cachets", "H. retenues", "Brut", "Base chômage", "Chômage", "Net payé"], [40, 50, 40, 44, 64, 58, 74, 52, 60],
            new HashSet<int> { 2, 3, 4, 5, 6, 7, 8 }, table);
        pdf.Space();
        if (p.Intermittent)
        {
            pdf.Paragraph($"Heures retenues pour l'assurance chômage des annexes 8 et 10 : les heures travaillées, un cachet comptant pour {Number(p.HoursPerCachet)} heures. Contributions chômage : parts salariale et patronale.");
        }

        pdf.Paragraph(p.Closing);
        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"attestation-{p.ContractNumber}.pdf", output.ToArray());
    }

    /// <summary>The unemployment insurance base and contributions (both shares) of a payslip.</summary>
    private static (decimal Base, decimal Contributions) Unemployment(PayrollResult result)
    {
        var lines = result.Lines.Where(l => l.Code == PayslipLabels.Chomage.Code || l.Code == PayslipLabels.ChomageIntermittents.Code).ToList();
        return (lines.Select(l => l.Base).DefaultIfEmpty(0m).Max(), lines.Sum(l => l.EmployeeAmount + l.EmployerAmount));
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.##", French) : string.Empty;

    private static string Eur(decimal amount) => Money.Eur(Rounding.ToCents(amount)).ToDisplayString();
}
