namespace Partage.App.Infrastructure;

/// <summary>
/// The dated settings shipped with the code (statutes, scales, the leasing terms): a semicolon-separated file embedded
/// beside the class that reads it, a header line, then one row per line until the first empty one.
/// </summary>
public static class EmbeddedCsv
{
    public static List<string[]> Rows(Type beside, string file)
    {
        ArgumentNullException.ThrowIfNull(beside);
        using var stream = beside.Assembly.GetManifestResourceStream($"{beside.Namespace}.{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded beside {beside.Name}.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            rows.Add(line.Split(';'));
        }

        return rows;
    }
}
