using ScottPlot;

namespace Partage.App.Modules.Reporting;

/// <summary>
/// The charts people would rather look at than read, drawn on the server with ScottPlot: bars for the amounts by year
/// (invoicing by entity and by module), pies for the shares of the last year (gender, countries, and the other shares),
/// a line for the members over the years. SVG in the page, PNG in the PDF; the same figures stand in the table beside.
/// </summary>
public static class ReportCharts
{
    public const int Width = 720;
    public const int Height = 320;

    public static string? Svg(ReportTable table) => Draw(table) is { } plot ? plot.GetSvgXml(Width, Height) : null;

    public static byte[]? Png(ReportTable table) => Draw(table) is { } plot ? plot.GetImageBytes(Width, Height, ImageFormat.Png) : null;

    /// <summary>
    /// A chart of series over labelled points (the months of an office's dashboard): bars side by side, or lines. SVG for
    /// the page; null when every figure is zero.
    /// </summary>
    public static string? Svg(string title, IReadOnlyList<string> points, IReadOnlyList<(string Label, IReadOnlyList<decimal?> Values)> series, bool bars, bool counts)
    {
        var plot = bars ? Bars(title, points, series, counts) : Lines(title, points, series, counts);
        return plot?.GetSvgXml(Width, Height);
    }

    private static Plot? Draw(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var years = table.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var series = table.Rows.Select(r => (r.Label, r.Values)).ToList();
        return table.Code switch
        {
            "invoicing_by_entity" or "projects_revenue_by_module" or "cms_revenue" => Bars(table.Title, years, series, table.Kind == FigureKind.Count),
            "project_members" or "members_by_entity" => Lines(table.Title, years, series, table.Kind == FigureKind.Count),
            _ when table.Kind == FigureKind.Percent || table.Code == "clients_by_country" => Pie(table),
            _ => null,
        };
    }

    /// <summary>One group of bars per point (a year, a month), one bar per series, a legend naming the series.</summary>
    private static Plot? Bars(string title, IReadOnlyList<string> points, IReadOnlyList<(string Label, IReadOnlyList<decimal?> Values)> series, bool counts)
    {
        if (series.All(r => r.Values.All(v => v is null or 0)))
        {
            return null;
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var y = 0; y < points.Count; y++)
        {
            for (var r = 0; r < series.Count; r++)
            {
                bars.Add(new Bar { Position = y * (series.Count + 1) + r, Value = (double)(series[r].Values[y] ?? 0), FillColor = palette.GetColor(r) });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(points.Select((_, i) => (double)(i * (series.Count + 1)) + ((series.Count - 1) / 2.0)).ToArray(), points.ToArray());
        plot.Legend.ManualItems.AddRange(series.Select((r, i) => new LegendItem { LabelText = r.Label, FillColor = palette.GetColor(i) }));
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(bottom: 0);
        FrenchNumbers(plot, counts);
        plot.Title(title);
        return plot;
    }

    /// <summary>A line per series across the points.</summary>
    private static Plot? Lines(string title, IReadOnlyList<string> points, IReadOnlyList<(string Label, IReadOnlyList<decimal?> Values)> series, bool counts)
    {
        if (series.All(r => r.Values.All(v => v is null)))
        {
            return null;
        }

        var plot = new Plot();
        foreach (var (label, values) in series)
        {
            var known = values.Select((v, i) => (Position: (double)i, Value: v)).Where(p => p.Value is not null).ToList();
            var line = plot.Add.Scatter(known.Select(p => p.Position).ToArray(), known.Select(p => (double)p.Value!.Value).ToArray());
            line.LegendText = label;
        }

        plot.Axes.Bottom.SetTicks(points.Select((_, i) => (double)i).ToArray(), points.ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        FrenchNumbers(plot, counts);
        plot.Title(title);
        return plot;
    }

    /// <summary>The left axis's numbers written the French way (« 10 000 000 »), whole numbers only for counts of people.</summary>
    private static void FrenchNumbers(Plot plot, bool integers) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), IntegerTicksOnly = integers,
        };

    /// <summary>The last year's shares, each slice labelled.</summary>
    private static Plot? Pie(ReportTable table)
    {
        var values = table.Rows.Select(r => (r.Label, Value: (double)(r.Values[^1] ?? 0))).Where(v => v.Value > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var pie = plot.Add.Pie(values.Select((v, i) => new PieSlice { Value = v.Value, FillColor = palette.GetColor(i), LegendText = v.Label }).ToList());
        pie.ExplodeFraction = 0.05;
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title($"{table.Title} ({table.Years[^1]})");
        return plot;
    }
}
