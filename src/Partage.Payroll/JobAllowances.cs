using Partage.Kernel;

namespace Partage.Payroll;

/// <summary>
/// The flat-rate allowances for the meals and nights a job takes away from home, which URSSAF exempts from
/// contributions up to a dated limit (arrêté du 20 décembre 2002, art. 3 and 5; the limits are rows of
/// <c>payroll-parameters.csv</c>, so payroll staff's own dated rows apply to them too).
/// </summary>
public enum JobAllowance
{
    /// <summary>A meal at the place of work because of the hours or the organisation (a get-in, a night shoot).</summary>
    MealOnSite,

    /// <summary>A meal on a trip, outside the premises and not at a restaurant.</summary>
    MealOutside,

    /// <summary>A meal on a trip where the employee has to eat at a restaurant (also a grand déplacement's meal).</summary>
    MealRestaurant,

    /// <summary>A night away (lodging and breakfast) in Paris and the three departments around it.</summary>
    LodgingParis,

    /// <summary>A night away (lodging and breakfast) elsewhere in metropolitan France.</summary>
    LodgingElsewhere,
}

public static class JobAllowances
{
    public static readonly IReadOnlyList<JobAllowance> All = Enum.GetValues<JobAllowance>();

    public static string ParameterCode(JobAllowance allowance) => allowance switch
    {
        JobAllowance.MealOnSite => "frais_repas_lieu_travail",
        JobAllowance.MealOutside => "frais_repas_hors_locaux",
        JobAllowance.MealRestaurant => "frais_repas_restaurant",
        JobAllowance.LodgingParis => "frais_logement_paris",
        _ => "frais_logement_province",
    };

    public static bool IsLodging(JobAllowance allowance) => allowance is JobAllowance.LodgingParis or JobAllowance.LodgingElsewhere;

    /// <summary>How many a day can count: two meals (lunch and dinner), one night.</summary>
    public static int PerDay(JobAllowance allowance) => IsLodging(allowance) ? 1 : 2;

    public static string Label(JobAllowance allowance) => allowance switch
    {
        JobAllowance.MealOnSite => "Repas sur le lieu de travail (horaires ou organisation particuliers)",
        JobAllowance.MealOutside => "Repas en déplacement, hors restaurant",
        JobAllowance.MealRestaurant => "Repas au restaurant en déplacement",
        JobAllowance.LodgingParis => "Nuit d'hôtel et petit déjeuner — Paris, 92, 93, 94",
        _ => "Nuit d'hôtel et petit déjeuner — autres départements",
    };

    /// <summary>The exempt limit of one allowance on a day, or null when the catalog has none in force then.</summary>
    public static Money? Limit(ParameterCatalog catalog, JobAllowance allowance, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.ValueOn(ParameterCode(allowance), day) is { } euros ? Money.Eur(Rounding.ToCents(euros)) : null;
    }
}
