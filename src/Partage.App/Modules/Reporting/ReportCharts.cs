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

    private static Plot? Draw(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Code switch
        {
            "invoicing_by_entity" or "projects_revenue_by_module" or "cms_revenue" => Bars(table),
            "project_members" or "members_by_entity" => Lines(table),
            _ when table.Kind == FigureKind.Percent || table.Code == "clients_by_country" => Pie(table),
            _ => null,
        };
    }

    /// <summary>One group of bars per year, one bar per row, a legend naming the rows.</summary>
    private static Plot? Bars(ReportTable table)
    {
        if (table.Rows.All(r => r.Values.All(v => v is null)))
        {
            return null;
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var y = 0; y < table.Years.Count; y++)
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                bars.Add(new Bar { Position = y * (table.Rows.Count + 1) + r, Value = (double)(table.Rows[r].Values[y] ?? 0), FillColor = palette.GetColor(r) });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(table.Years.Select((_, i) => (double)(i * (table.Rows.Count + 1)) + ((table.Rows.Count - 1) / 2.0)).ToArray(),
            table.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Legend.ManualItems.AddRange(table.Rows.Select((r, i) => new LegendItem { LabelText = r.Label, FillColor = palette.GetColor(i) }));
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(bottom: 0);
        FrenchNumbers(plot, table.Kind == FigureKind.Count);
        plot.Title(table.Title);
        return plot;
    }

    /// <summary>A line per row across the years.</summary>
    private static Plot Lines(ReportTable table)
    {
        var plot = new Plot();
        foreach (var row in table.Rows)
        {
            var points = table.Years.Zip(row.Values).Where(p => p.Second is not null).ToList();
            var line = plot.Add.Scatter(points.Select(p => (double)p.First).ToArray(), points.Select(p => (double)p.Second!.Value).ToArray());
            line.LegendText = row.Label;
        }

        plot.Axes.Bottom.SetTicks(table.Years.Select(y => (double)y).ToArray(), table.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        FrenchNumbers(plot, table.Kind == FigureKind.Count);
        plot.Title(table.Title);
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
