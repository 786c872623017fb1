using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Partage.Tests.Ledger;

/// <summary>
/// The DGFiP's checks on a flat FEC (LPF art. A47 A-1, as the Test Compta Demat tool applies them),
/// written independently of the exporter: file name, separator, the 18 columns in order, field
/// count, mandatory values, account numbers, number and date formats, lettering dates, balanced
/// entries with one date each, balanced totals, validation dates in order.
/// </summary>
internal static partial class FecChecker
{
    private static readonly string[] Columns =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef",
        "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    private static readonly string[] Required =
        ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "PieceRef", "PieceDate", "EcritureLib", "ValidDate"];

    public sealed record Result(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, int Lines, int Entries, decimal Total);

    public static Result Check(string fileName, byte[] content)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var name = FileName().Match(fileName);
        if (!name.Success)
        {
            errors.Add($"file name {fileName} is not SirenFECAAAAMMJJ.txt");
        }

        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.None).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return new Result(["empty file"], warnings, 0, 0, 0);
        }

        if (!lines[0].Split('\t').SequenceEqual(Columns))
        {
            errors.Add("header is not the 18 columns of A47 A-1 in order, TAB-separated");
            return new Result(errors, warnings, 0, 0, 0);
        }

        var entries = new Dictionary<(string, string), (decimal Debit, decimal Credit, HashSet<string> Dates)>();
        decimal totalDebit = 0, totalCredit = 0;
        DateOnly? previousValid = null;
        for (var n = 1; n < lines.Count; n++)
        {
            var ln = n + 1;
            if (lines[n].Contains('|', StringComparison.Ordinal))
            {
                errors.Add($"line {ln}: a pipe inside a TAB-separated file");
            }

            var f = lines[n].Split('\t');
            if (f.Length != Columns.Length)
            {
                errors.Add($"line {ln}: {f.Length} fields");
                continue;
            }

            var row = Columns.Select((c, i) => (c, v: f[i])).ToDictionary(x => x.c, x => x.v);
            errors.AddRange(Required.Where(c => string.IsNullOrWhiteSpace(row[c])).Select(c => $"line {ln}: {c} is empty"));
            if (!ThreeDigits().IsMatch(row["CompteNum"]))
            {
                errors.Add($"line {ln}: CompteNum does not start with three digits");
            }

            var entryDate = Date(row["EcritureDate"], "EcritureDate", ln, errors);
            Date(row["PieceDate"], "PieceDate", ln, errors);
            var valid = Date(row["ValidDate"], "ValidDate", ln, errors);
            if (row["EcritureLet"].Length > 0 && row["DateLet"].Length == 0)
            {
                errors.Add($"line {ln}: EcritureLet without DateLet");
            }

            if (row["DateLet"].Length > 0)
            {
                Date(row["DateLet"], "DateLet", ln, errors);
            }

            var debit = Number(row["Debit"], "Debit", ln, errors);
            var credit = Number(row["Credit"], "Credit", ln, errors);
            if (row["Montantdevise"].Length > 0 && row["Idevise"].Length == 0)
            {
                errors.Add($"line {ln}: Montantdevise without Idevise");
            }

            var key = (row["JournalCode"], row["EcritureNum"]);
            var e = entries.TryGetValue(key, out var found) ? found : (Debit: 0m, Credit: 0m, Dates: new HashSet<string>());
            e.Dates.Add(row["EcritureDate"]);
            entries[key] = (e.Debit + debit, e.Credit + credit, e.Dates);
            totalDebit += debit;
            totalCredit += credit;
            if (name.Success && entryDate is { } d && d.ToString("yyyyMMdd", CultureInfo.InvariantCulture).CompareTo(name.Groups[2].Value) > 0)
            {
                warnings.Add($"line {ln}: EcritureDate after the closing date");
            }

            if (valid is { } v && previousValid is { } p && v < p)
            {
                warnings.Add($"line {ln}: ValidDate goes back in time");
            }

            previousValid = valid ?? previousValid;
        }

        foreach (var ((journal, number), (debit, credit, dates)) in entries)
        {
            if (debit != credit)
            {
                errors.Add($"entry {journal} {number}: debit {debit} != credit {credit}");
            }

            if (dates.Count > 1)
            {
                errors.Add($"entry {journal} {number}: several EcritureDate values");
            }
        }

        if (totalDebit != totalCredit)
        {
            errors.Add($"file: total debit {totalDebit} != total credit {totalCredit}");
        }

        return new Result(errors, warnings, lines.Count - 1, entries.Count, totalDebit);
    }

    private static DateOnly? Date(string value, string field, int line, List<string> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"line {line}: {field} '{value}' is not a real AAAAMMJJ date");
        return null;
    }

    private static decimal Number(string value, string field, int line, List<string> errors)
    {
        if (value.Contains('.', StringComparison.Ordinal) || !FecNumber().IsMatch(value))
        {
            errors.Add($"line {line}: {field} '{value}' is not a FEC number (decimal comma, no thousands separator, both Debit and Credit filled)");
            return 0;
        }

        var sign = value.StartsWith('-') || value.EndsWith('-') ? -1 : 1;
        return sign * decimal.Parse(value.Trim('+', '-').Replace(',', '.'), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{9})FEC(\d{8})(_\d+)?\.(txt|csv)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^\d{3}")]
    private static partial Regex ThreeDigits();

    [GeneratedRegex(@"^[+-]?\d+(,\d{1,2})?[+-]?$")]
    private static partial Regex FecNumber();
}
