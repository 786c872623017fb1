using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>
/// CSV for the staff's spreadsheets: UTF-8 with a byte-order mark and ';' between fields, which is
/// what a French Excel or LibreOffice opens without an import dialog; amounts with a decimal comma.
/// </summary>
public static class SpreadsheetCsv
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
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
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>"1234,56": decimal comma, no thousands separator, as French spreadsheets and the FEC read it.</summary>
    public static string Amount(Money amount) => amount.Amount.ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
