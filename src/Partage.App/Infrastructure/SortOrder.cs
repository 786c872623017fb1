namespace Partage.App.Infrastructure;

/// <summary>
/// A list's order as the address asks it ("due", "-amount": a known column, ascending, or descending behind a minus). An
/// unknown column is refused in words, not ignored: a bookmarked or hand-typed address never shows an order it did not ask for.
/// </summary>
public readonly record struct SortOrder(string Column, bool Descending)
{
    public static SortOrder Parse(string? text, IReadOnlyCollection<string> columns, SortOrder fallback)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var trimmed = text.Trim();
        var order = trimmed.StartsWith('-') ? new SortOrder(trimmed[1..], true) : new SortOrder(trimmed, false);
        if (!columns.Contains(order.Column, StringComparer.Ordinal))
        {
            var v = new Validation();
            v.Add("sort", $"Ce tri n'existe pas. Triez par : {string.Join(", ", columns)} (précédé de « - » pour l'ordre décroissant).");
            v.ThrowIfInvalid();
        }

        return order;
    }

    /// <summary>The order a column's header leads to: that column ascending, or the other way if it is the current one.</summary>
    public SortOrder By(string column) => column == Column ? this with { Descending = !Descending } : new SortOrder(column, false);

    /// <summary>The table header's aria-sort for <paramref name="column"/>.</summary>
    public string AriaSort(string column) => column != Column ? "none" : Descending ? "descending" : "ascending";

    public override string ToString() => (Descending ? "-" : string.Empty) + Column;
}
