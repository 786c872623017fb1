using System.Globalization;
using MiniExcelLibs;

namespace Partage.App.Infrastructure;

/// <summary>
/// The same exports as <see cref="SpreadsheetCsv"/>, as an Excel workbook (MiniExcel): one sheet, the headers in the first
/// row, amounts as numbers (the CSV's "1234,56" becomes a number Excel adds up), everything else as text. A text cell of a
/// workbook is a value, never a formula, whatever it starts with.
/// </summary>
public static class SpreadsheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task WriteAsync(Stream output, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = Cell(i < row.Count ? row[i] : null);
            }

            return cells;
        }).ToList();

        // MiniExcel needs a seekable stream; the response body is not one.
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, table, sheetName: sheet, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>An amount written the French way ("-1234,56") as a number; any other text as it is.</summary>
    private static object? Cell(string? text) =>
        text is { Length: > 0 } && text.Contains(',', StringComparison.Ordinal) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, French, out var number)
            ? number : text;
}
