using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>
/// CSV for the staff's spreadsheets, the one writer of every export: UTF-8 with a byte-order mark and ';' between fields,
/// which is what a French Excel or LibreOffice opens without an import dialog; amounts with a decimal comma. A cell that
/// a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return: OWASP « CSV injection »)
/// is written as text, behind an apostrophe, unless it is a plain number such as a negative amount. Names, e-mails and
/// addresses come from registrations and employers' files: they must never reach a staff's spreadsheet as a formula.
/// </summary>
public static partial class SpreadsheetCsv
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await WriteAsync(output, headers, Async(rows), ct);
    }

    /// <summary>The same for rows read as they come (a large export is not held in memory).</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var field in row)
            {
                csv.WriteField(Neutralised(field));
            }

            await csv.NextRecordAsync();
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>A cell a spreadsheet would evaluate, made text by a leading apostrophe; a plain number ("-12,50") as it is.</summary>
    public static string? Neutralised(string? field) =>
        field is { Length: > 0 } && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(field) ? "'" + field : field;

    /// <summary>"1234,56": decimal comma, no thousands separator, as French spreadsheets and the FEC read it.</summary>
    public static string Amount(Money amount) => amount.Amount.ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?\d+([.,]\d+)?$", RegexOptions.None, 1000)]
    private static partial Regex PlainNumber();

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Async(IEnumerable<IReadOnlyList<string?>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
