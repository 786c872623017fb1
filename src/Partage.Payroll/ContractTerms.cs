using Partage.Kernel;

namespace Partage.Payroll;

/// <summary>A term of a contract that is not met: the field it concerns and the French message.</summary>
public sealed record ContractTermBroken(string Field, string Message);

/// <summary>
/// The terms every fixed-term contract the cooperative signs meets, whoever the employer: a
/// member's job (Payroll) or an employer's staff under a payroll mandate (Employers). One rule for
/// both, so that they cannot drift: the status, the dates (the DPAE precedes the hiring, so the
/// start is tomorrow at the earliest; at most <see cref="MaxMonths"/> months, paid month by month),
/// whole cachets, and each month's share of the hours (0 to 240) and cachets (1 to 31).
/// Pure: the caller turns the broken terms into its form or API errors.
/// </summary>
public static class ContractTerms
{
    /// <summary>The longest contract declared at once (the cooperative's rule; paid by month, one payslip at each month end).</summary>
    public const int MaxMonths = 12;

    /// <summary>The status as typed in a form, an API body or a file.</summary>
    public static EmployeeKind? Kind(string? text) => text?.Trim() switch
    {
        "regime_general" => EmployeeKind.RegimeGeneral,
        "intermittent_technician" => EmployeeKind.IntermittentTechnician,
        "intermittent_artist" => EmployeeKind.IntermittentArtist,
        _ => null,
    };

    public const string KindRefused = "Le statut est regime_general (salarié du régime général), intermittent_technician ou intermittent_artist.";

    /// <summary>Days actually worked are declared for a technician only: their ceiling is daily; an artist's follows the cachets, the régime général's the month.</summary>
    public static bool TakesWorkedDays(EmployeeKind? kind) => kind == EmployeeKind.IntermittentTechnician;

    public const string WorkedDaysRefused = "Les jours réellement travaillés se déclarent pour un technicien (son plafond est journalier) ; ceux d'un artiste suivent ses cachets.";

    /// <summary>
    /// The terms broken by these dates and quantities (those missing are reported by the caller's
    /// parsing), and the contract's months when the dates and quantities allow splitting it.
    /// </summary>
    public static (IReadOnlyList<ContractTermBroken> Broken, IReadOnlyList<ContractMonth> Months) Check(
        DateOnly? start, DateOnly? end, decimal? hours, decimal? cachets, Money? gross, DateOnly today, decimal? workedDays = null)
    {
        var broken = new List<ContractTermBroken>();
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                broken.Add(new("End", "La fin précède le début."));
            }
            else if (e >= s.AddMonths(MaxMonths))
            {
                broken.Add(new("End", $"Un contrat dure au plus {MaxMonths} mois : déclarez un nouveau contrat pour la suite."));
            }

            if (s <= today)
            {
                broken.Add(new("Start", "Le contrat et la DPAE précèdent le travail : le début est au plus tôt demain."));
            }
        }

        var wholeCachets = cachets is not { } c || (c > 0 && c == decimal.Truncate(c));
        if (!wholeCachets)
        {
            broken.Add(new("Cachets", "Le nombre de cachets est un entier positif."));
        }

        if (gross is { } g && g.Cents <= 0)
        {
            broken.Add(new("Gross", "Le salaire brut est positif."));
        }

        var wholeDays = WorkedDaysFit(start, end, workedDays, broken);
        var months = start is { } from && end is { } to && to >= from && to < from.AddMonths(MaxMonths) && wholeCachets && wholeDays
            ? ContractMonths.Split(from, to, hours, (int?)cachets, gross?.Cents ?? 0, (int?)workedDays) : [];
        if (hours is { } h && (h <= 0 || months.Any(m => m.Hours is <= 0 or > 240)))
        {
            broken.Add(new("Hours", months.Count > 1
                ? "Les heures, réparties sur les mois du contrat au prorata des jours, font entre 0 et 240 heures par mois."
                : "Le nombre d'heures est entre 0 et 240 dans le mois."));
        }

        if (months.Any(m => m.WorkedDays is 0))
        {
            broken.Add(new("WorkedDays", "Les jours travaillés, répartis sur les mois du contrat au prorata des jours, font au moins un jour par mois : déclarez un contrat par période travaillée."));
        }

        if (months.Any(m => m.Cachets is < 1 or > 31))
        {
            broken.Add(new("Cachets", months.Count > 1
                ? "Les cachets, répartis sur les mois du contrat au prorata des jours, font entre 1 et 31 cachets par mois."
                : "Le nombre de cachets est un entier entre 1 et 31."));
        }

        return (broken, months);
    }

    /// <summary>The days actually worked (a technician's): whole, at least one, at most the contract's calendar days.</summary>
    private static bool WorkedDaysFit(DateOnly? start, DateOnly? end, decimal? workedDays, List<ContractTermBroken> broken)
    {
        var fit = workedDays is not { } d || (d >= 1 && d == decimal.Truncate(d) && (start is not { } first || end is not { } last || d <= last.DayNumber - first.DayNumber + 1));
        if (!fit)
        {
            broken.Add(new("WorkedDays", "Les jours réellement travaillés sont un nombre entier, d'au moins 1 et au plus les jours du contrat."));
        }

        return fit;
    }
}
