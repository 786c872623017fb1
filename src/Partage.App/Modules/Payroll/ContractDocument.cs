using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>What a fixed-term contract prints, whoever the employer: the cooperative for a member's job, an employer under mandate for its staff.</summary>
public sealed record ContractPrint(
    string Number, bool Intermittent, string EmployerParty, string EmployeeParty, string UsageReason, DateOnly Start, DateOnly End, int TrialDays, string Trade, bool Cadre,
    string Description, string Place, decimal? Hours, int? Cachets, Money Gross, string? Dfs, string? CollectiveAgreement, string? Licence, IReadOnlyList<string> Signatures)
{
    /// <summary>Why the end-of-contract indemnity is not due (L1243-10), when known at hiring; null: due.</summary>
    public string? PrecarityExemption { get; init; }

    /// <summary>The signatures' evidence, printed on a last page of its own; empty before the member signs.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>
/// The CDD or CDD d'usage as PDF, with the clauses the Code du travail requires (art. L1242-12 and
/// L1242-13: reason, dates, job, pay, collective agreement, pension and prévoyance bodies, trial
/// period, Congés Spectacles fund for intermittents).
/// </summary>
public static class ContractDocument
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Write(ContractPrint c, string author)
    {
        ArgumentNullException.ThrowIfNull(c);
        var title = c.Intermittent ? "Contrat de travail à durée déterminée d'usage (CDDU)" : "Contrat de travail à durée déterminée (CDD)";
        using var pdf = new PdfDocumentWriter($"{title} — {c.Number}", author);
        pdf.Title(title);
        pdf.Line($"Contrat n° {c.Number}", strong: true);
        pdf.Space();
        pdf.Paragraph($"Entre {c.EmployerParty}, ci-après « l'employeur », et {c.EmployeeParty}, ci-après « le salarié ».");
        pdf.Paragraph($"Article 1 — Motif. {c.UsageReason}.");
        pdf.Paragraph($"Article 2 — Durée. Le contrat est conclu du {c.Start:dd/MM/yyyy} au {c.End:dd/MM/yyyy} inclus ({c.End.DayNumber - c.Start.DayNumber + 1} jour(s)), terme précis ; il prend fin à cette date sans autre formalité."
            + (c.Intermittent ? " Aucune période d'essai." : $" Période d'essai : {c.TrialDays} jour(s) (art. L1242-10)."));
        pdf.Paragraph($"Article 3 — Emploi. {c.Trade} ({(c.Cadre ? "cadre" : "non cadre")}) : {c.Description}. Lieu de travail : {c.Place}."
            + (c.Hours is { } hours ? $" Durée du travail : {hours.ToString("0.##", French)} heure(s)." : string.Empty)
            + (c.Cachets is { } cachets ? $" Rémunération au cachet : {cachets} cachet(s)." : string.Empty));
        pdf.Paragraph($"Article 4 — Rémunération. Salaire brut de {c.Gross.ToDisplayString()} pour l'ensemble du contrat"
            + (c.Dfs is null ? "." : $", avec la déduction forfaitaire spécifique pour frais professionnels ({c.Dfs switch { "musician" => "musiciens", DfsLabels.StageManager => "régisseurs de théâtre", _ => "artistes dramatiques" }}) à laquelle le salarié a consenti.")
            + (c.Intermittent ? string.Empty
                : c.PrecarityExemption is not null ? " S'y ajoute, avec le dernier salaire, l'indemnité compensatrice de congés payés d'un dixième de la rémunération totale (art. L1242-16). Conclu avec un jeune pour une période de ses vacances scolaires ou universitaires, le contrat ne donne pas lieu à l'indemnité de fin de contrat (art. L1243-10)."
                : " S'y ajoutent, avec le dernier salaire, l'indemnité de fin de contrat de 10 % de ce brut (art. L1243-8) et l'indemnité compensatrice de congés payés d'un dixième de la rémunération totale (art. L1242-16).")
            + " Il est versé par virement au plus tard le 7e jour suivant la fin du contrat (ou de chaque mois pour un contrat plus long), avec le bulletin de paie.");
        pdf.Paragraph($"Article 5 — Convention collective. {PayslipDocument.AgreementTitle(c.CollectiveAgreement)}.");
        pdf.Paragraph("Article 6 — Protection sociale. Retraite complémentaire et prévoyance : Audiens (groupe de protection sociale de la culture), 74 rue Jean Bleuzen, 92170 Vanves."
            + (c.Intermittent ? " Congés payés : Caisse des Congés Spectacles (Audiens), à laquelle l'employeur est affilié ; le salarié y demande ses congés. Santé au travail : CMB." : " Congés payés : indemnité compensatrice versée en fin de contrat."));
        if (c.Licence is not null)
        {
            pdf.Paragraph($"Article 7 — Licence. {c.Licence}");
        }

        pdf.Paragraph("La déclaration préalable à l'embauche est effectuée auprès de l'URSSAF avant le début du travail ; le salarié dispose d'un droit d'accès et de rectification des informations le concernant.");
        pdf.Space();
        foreach (var signature in c.Signatures)
        {
            pdf.Line(signature);
        }

        if (c.Evidence.Count > 0)
        {
            pdf.PageBreak();
            pdf.Title("Preuves de signature électronique");
            pdf.Paragraph("Chaque signature a été faite en tapant son nom et un code à usage unique envoyé à l'adresse e-mail du signataire (valable 10 minutes, une seule fois).");
            pdf.Space();
            foreach (var line in c.Evidence)
            {
                pdf.Paragraph(line);
                pdf.Space(4);
            }
        }

        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }
}
