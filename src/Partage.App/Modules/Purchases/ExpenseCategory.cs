namespace Partage.App.Modules.Purchases;

/// <summary>What an activity spends on; each category is posted to its PCG expense account (class 6), which the activity's budget counts as spent.</summary>
public enum ExpenseCategory
{
    Supplies,
    Subcontracting,
    Rentals,
    Fees,
    Advertising,
    Travel,
    Other,
}

public static class ExpenseCategories
{
    public static readonly IReadOnlyList<ExpenseCategory> All = Enum.GetValues<ExpenseCategory>();

    /// <summary>The PCG account (plan comptable général, art. 942-60 and following) each category is charged to.</summary>
    public static string Account(ExpenseCategory category) => category switch
    {
        ExpenseCategory.Supplies => "606",
        ExpenseCategory.Subcontracting => "611",
        ExpenseCategory.Rentals => "6135",
        ExpenseCategory.Fees => "6226",
        ExpenseCategory.Advertising => "623",
        ExpenseCategory.Travel => "6251",
        _ => "628",
    };

    public static string Label(ExpenseCategory category) => category switch
    {
        ExpenseCategory.Supplies => "Fournitures et petit matériel",
        ExpenseCategory.Subcontracting => "Sous-traitance",
        ExpenseCategory.Rentals => "Locations (matériel, salles)",
        ExpenseCategory.Fees => "Honoraires",
        ExpenseCategory.Advertising => "Publicité et communication",
        ExpenseCategory.Travel => "Déplacements",
        _ => "Autres frais",
    };

    /// <summary>The category a form or a request names ("Travel", "travel"), or null.</summary>
    public static ExpenseCategory? Parse(string? text) =>
        Enum.TryParse<ExpenseCategory>(text?.Trim(), ignoreCase: true, out var category) && Enum.IsDefined(category) && !int.TryParse(text, out _) ? category : null;
}
