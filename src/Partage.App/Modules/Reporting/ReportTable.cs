using Partage.Kernel;

namespace Partage.App.Modules.Reporting;

/// <summary>What a table's figures are: euros excl. VAT, people or contracts, or a share in per cent.</summary>
public enum FigureKind
{
    Amount,
    Count,
    Percent,
}

/// <summary>A table of the annual report: its code (stable, used by the history import), its French title, what its rows are.</summary>
public sealed record TableDefinition(string Code, string Title, string RowHeading, FigureKind Kind, bool HasTotal, string? Note = null);

/// <summary>A row: one figure per year shown (null where none is known), and the progression of the last year over the one before.</summary>
public sealed record ReportRow(string Label, IReadOnlyList<decimal?> Values, decimal? Progression);

/// <summary>A computed table: its rows, the total row computed from them (never copied), and where each year's figures come from.</summary>
public sealed record ReportTable(
    string Code, string Title, string RowHeading, FigureKind Kind, IReadOnlyList<int> Years, IReadOnlyList<ReportRow> Rows, ReportRow? Total,
    IReadOnlyDictionary<int, string> Sources, string? Note);

/// <summary>
/// The report's arithmetic, in one place: a total is the sum of its rows (for a year where every row has a figure), a
/// progression is N / (N − 1) − 1 in per cent rounded half away from zero to two decimals, and none when the year before
/// has no figure or a zero.
/// </summary>
public static class ReportFigures
{
    public static decimal? Progression(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b != 0 ? Rounding.ToDecimals((n / b - 1) * 100, 2) : null;

    /// <summary>Builds a table from figures keyed by (row, year), rows in the given order, over the given years (oldest first).</summary>
    public static ReportTable Build(TableDefinition definition, IReadOnlyList<int> years, IReadOnlyList<string> rows, IReadOnlyDictionary<(string Row, int Year), decimal> figures,
        IReadOnlyDictionary<int, string> sources)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(figures);
        var built = rows.Select(r => Row(r, years.Select(y => figures.TryGetValue((r, y), out var v) ? v : (decimal?)null).ToList())).ToList();
        ReportRow? total = null;
        if (definition.HasTotal && built.Count > 0)
        {
            var sums = years.Select((_, i) => built.All(r => r.Values[i] is not null) ? built.Sum(r => r.Values[i]!.Value) : (decimal?)null).ToList();
            total = Row("Total", sums);
        }

        return new ReportTable(definition.Code, definition.Title, definition.RowHeading, definition.Kind, years, built, total, sources, definition.Note);
    }

    private static ReportRow Row(string label, IReadOnlyList<decimal?> values) =>
        new(label, values, values.Count >= 2 ? Progression(values[^1], values[^2]) : null);
}
