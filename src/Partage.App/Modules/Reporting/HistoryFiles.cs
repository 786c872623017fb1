using System.Globalization;
using System.Text;
using System.Text.Json;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting;

/// <summary>A figure read from a history file, before it is stored.</summary>
public sealed record HistoryLine(string Scope, string Table, string Row, int Year, decimal Value, int Position);

/// <summary>
/// The two shapes the history import reads: the CSV template (<c>table;row;year;value;scope</c>, one figure a line, numbers
/// the French or the English way, scope empty for the group, an entity's code or an office's name) and the JSON of the
/// 2016 report (<c>annual-report-2016.json</c>), whose printed totals and percentages of progression are left out: the
/// report computes them.
/// </summary>
public static class HistoryFiles
{
    public const string CsvHeader = "table;row;year;value;scope";
    public const int MaxValue = 1_000_000_000;

    public static byte[] Template()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        text.Append("invoicing_by_entity;Scic Smart;2015;7617434;\n").Append("invoicing_by_entity;Scop Grandsensemble;2015;3802004;\n");
        text.Append("members_by_gender;Hommes;2016;61;\n").Append("cms_revenue_by_office;Lille;2016;637414;\n");
        text.Append("# tables : ").Append(string.Join(", ", ReportCatalog.Tables.Select(t => t.Code))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The figures of a file, or the problems of its lines (each named by its number).</summary>
    public static (IReadOnlyList<HistoryLine> Lines, IReadOnlyList<string> Problems) Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        return text.TrimStart().StartsWith('{') ? ReadReport(text) : ReadCsv(text);
    }

    private static (IReadOnlyList<HistoryLine>, IReadOnlyList<string>) ReadCsv(string text)
    {
        var lines = new List<HistoryLine>();
        var problems = new List<string>();
        var rows = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (rows.Count == 0 || !string.Equals(rows[0].Trim(), CsvHeader, StringComparison.OrdinalIgnoreCase))
        {
            return ([], [$"La première ligne est l'en-tête « {CsvHeader} »."]);
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Trim().Length == 0 || rows[i].StartsWith('#'))
            {
                continue;
            }

            var f = rows[i].Split(';');
            var problem = f.Length is < 4 or > 5 ? "quatre ou cinq champs séparés par « ; » sont attendus"
                : ReportCatalog.Find(f[0].Trim()) is null ? $"le tableau « {f[0].Trim()} » n'existe pas"
                : f[1].Trim().Length is 0 or > 120 ? "le libellé de la ligne est vide ou dépasse 120 caractères"
                : !int.TryParse(f[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100 ? "l'année est un nombre de 1900 à 2100"
                : !French.TryParseDecimal(f[3].Trim(), out var value) || Math.Abs(value) > MaxValue ? $"la valeur est un nombre d'au plus {MaxValue:N0}"
                : null;
            if (problem is not null)
            {
                problems.Add($"Ligne {i + 1} : {problem}.");
                continue;
            }

            lines.Add(new HistoryLine(f.Length == 5 ? f[4].Trim() : string.Empty, f[0].Trim(), f[1].Trim(), int.Parse(f[2].Trim(), CultureInfo.InvariantCulture),
                French.TryParseDecimal(f[3].Trim(), out var v) ? v : 0, i));
        }

        return (lines, problems.Take(20).ToList());
    }

    private static (IReadOnlyList<HistoryLine>, IReadOnlyList<string>) ReadReport(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var lines = new List<HistoryLine>();
            ReportJson.Read(document.RootElement, lines);
            return lines.Count == 0 ? ([], ["Ce fichier JSON n'a pas la forme du rapport annuel (annual-report-2016.json)."]) : (lines, []);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return ([], ["Ce fichier JSON n'a pas la forme du rapport annuel (annual-report-2016.json)."]);
        }
    }
}
