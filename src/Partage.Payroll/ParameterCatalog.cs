using System.Globalization;

namespace Partage.Payroll;

/// <summary>One dated value of a payroll parameter: in force from <see cref="From"/> until the next row of the same code. A null value means "no longer applies".</summary>
public sealed record ParameterValue(string Code, DateOnly From, decimal? Value, string Source, bool IsSetting)
{
    /// <summary>An open point of the research (the "setting" column is 2): the value is the best sourced one, payroll staff confirm it from their own notices.</summary>
    public bool ToConfirm { get; init; }
}

/// <summary>
/// Every payroll parameter as dated rows with their source (<c>payroll-parameters.csv</c>, shipped
/// with the engine), plus the rows payroll staff added for the settings they read on their own
/// notices. A value is never edited: a new row with a later date replaces it from that date.
/// </summary>
public sealed class ParameterCatalog
{
    private readonly Dictionary<string, ParameterValue[]> byCode;

    public ParameterCatalog(IEnumerable<ParameterValue> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.From).ToList();
        byCode = Rows.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ParameterValue> Rows { get; }

    /// <summary>The rows shipped with the engine: the research values with their sources.</summary>
    public static IReadOnlyList<ParameterValue> Shipped { get; } = LoadShipped();

    public static ParameterCatalog Default { get; } = new(Shipped);

    /// <summary>This catalog with more rows (payroll staff's own dated values); on the same date the added row wins.</summary>
    public ParameterCatalog With(IEnumerable<ParameterValue> added) =>
        new(Rows.Concat(added).GroupBy(r => (r.Code, r.From)).Select(g => g.Last()));

    /// <summary>The value of a code on a date, or null when none is in force (or it no longer applies).</summary>
    public decimal? ValueOn(string code, DateOnly on) => RowOn(code, on)?.Value;

    public ParameterValue? RowOn(string code, DateOnly on)
    {
        if (!byCode.TryGetValue(code, out var rows))
        {
            return null;
        }

        ParameterValue? found = null;
        foreach (var row in rows)
        {
            if (row.From > on)
            {
                break;
            }

            found = row;
        }

        return found;
    }

    /// <summary>Every code with the row in force on the date (for staff's "parameters at a date" view).</summary>
    public IReadOnlyList<ParameterValue> InForce(DateOnly on) =>
        byCode.Keys.Order(StringComparer.Ordinal).Select(code => RowOn(code, on)).OfType<ParameterValue>().ToList();

    /// <summary>Resolves a period's parameters once: the engine then computes any number of payslips without looking anything up.</summary>
    public PayrollRates Resolve(DateOnly on) => new(this, on);

    private static List<ParameterValue> LoadShipped()
    {
        using var stream = typeof(ParameterCatalog).Assembly.GetManifestResourceStream("Partage.Payroll.payroll-parameters.csv")
            ?? throw new InvalidOperationException("payroll-parameters.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<ParameterValue>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(';');
            rows.Add(new ParameterValue(cells[0], DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                cells[2].Length == 0 ? null : decimal.Parse(cells[2], NumberStyles.Number, CultureInfo.InvariantCulture), cells[4], cells[3] is "1" or "2")
            {
                ToConfirm = cells[3] == "2",
            });
        }

        return rows;
    }
}
