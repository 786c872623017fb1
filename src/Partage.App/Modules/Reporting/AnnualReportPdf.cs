using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Reporting.Features;

namespace Partage.App.Modules.Reporting;

/// <summary>
/// The whole report as a PDF (PDFsharp): a cover, the contents with each table's page, then each table with its years,
/// its computed total and progression, its sources, and its chart where it has one. Written twice: the first pass finds
/// the pages the contents name, the second writes them (the contents take the same room both times).
/// </summary>
public static class AnnualReportPdf
{
    public static byte[] Write(AnnualReport report, Func<ReportTable, byte[]?> chart)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(chart);
        var pages = Pass(report, chart, null, out _);
        Pass(report, chart, pages, out var pdf);
        return pdf;
    }

    private static Dictionary<string, int> Pass(AnnualReport report, Func<ReportTable, byte[]?> chart, Dictionary<string, int>? contents, out byte[] pdf)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        using var writer = new PdfDocumentWriter($"Rapport annuel {report.Year} — {report.Scope}", "Partage");
        writer.Space(180);
        writer.Title($"Rapport annuel {report.Year}");
        writer.Line(report.Scope, strong: true);
        writer.Line($"Chaque total est la somme de ses lignes, chaque progression se recalcule de ses deux années (N / N−1 − 1, arrondie à deux décimales).");
        writer.PageBreak();
        writer.Title("Sommaire");
        foreach (var t in report.Tables)
        {
            writer.Line($"{t.Title} — page {(contents?.GetValueOrDefault(t.Code) ?? 0).ToString(french)}");
        }

        var starts = new Dictionary<string, int>();
        foreach (var t in report.Tables)
        {
            writer.PageBreak();
            starts[t.Code] = writer.Page;
            writer.Title(t.Title);
            var (headers, rows) = GetAnnualReport.Grid(t, forReading: true);
            var widths = headers.Select((_, i) => i == 0 ? 3.0 : 1.2).ToList();
            writer.Table(headers, widths, Enumerable.Range(1, headers.Count - 1).ToHashSet(), rows.Select(r => (IReadOnlyList<string>)r.Select(c => c ?? "—").ToList()));
            writer.Space();
            writer.Line("Sources : " + string.Join(" ; ", t.Sources.Select(s => $"{s.Key} {s.Value}")) + (t.Note is null ? string.Empty : " " + t.Note));
            if (chart(t) is { } png)
            {
                writer.Space();
                writer.Image(png, 220);
            }
        }

        using var output = new MemoryStream();
        writer.Save(output);
        pdf = output.ToArray();
        return starts;
    }
}
