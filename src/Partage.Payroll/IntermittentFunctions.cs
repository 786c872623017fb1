using System.Globalization;
using System.Text;

namespace Partage.Payroll;

/// <summary>A function an intermittent may hold: annex 8 (technicians) or 10 (artists) of the unemployment insurance rules, with its source.</summary>
public sealed record IntermittentFunction(int Annex, string Title, string Source);

/// <summary>
/// The functions lists of annexes 8 and 10 (<c>intermittent-functions.csv</c>, shipped with their source): only a
/// function on the list of the employee's annex makes a contract of intermittent; any other title is a régime général
/// contract, or no contract at all. Matching ignores case and accents, so that "regisseur son" finds "Régisseur son".
/// </summary>
public static class IntermittentFunctions
{
    public static readonly IReadOnlyList<IntermittentFunction> All = Load();

    /// <summary>Annex 10 for artists, 8 for technicians, none for the régime général.</summary>
    public static int? Annex(EmployeeKind kind) => kind switch
    {
        EmployeeKind.IntermittentArtist => 10,
        EmployeeKind.IntermittentTechnician => 8,
        _ => null,
    };

    public static IReadOnlyList<IntermittentFunction> For(EmployeeKind kind) => All.Where(f => f.Annex == Annex(kind)).ToList();

    public static IntermittentFunction? Find(EmployeeKind kind, string? title) =>
        title is null ? null : All.FirstOrDefault(f => f.Annex == Annex(kind) && Key(f.Title) == Key(title));

    /// <summary>Why <paramref name="title"/> cannot be an intermittent's function of this kind, or null when it is on the annex's list.</summary>
    public static string? Refusal(EmployeeKind kind, string? title) => Annex(kind) is not { } annex || Find(kind, title) is not null
        ? null
        : $"« {title?.Trim()} » n'est pas une fonction de la liste de l'annexe {annex} de l'assurance chômage ({(annex == 10 ? "artistes du spectacle, art. L7121-2 du code du travail" : "techniciens du spectacle")}) : "
          + "pas de contrat d'intermittent pour cet emploi. Choisissez une fonction de la liste, ou un contrat de droit commun.";

    /// <summary>
    /// The title without case, accents or feminine endings: the lists are written in the masculine, and "Régisseuse",
    /// "Costumière" or "Administratrice de production" hold the same function as "Régisseur", "Costumier", "Administrateur".
    /// </summary>
    private static string Key(string title)
    {
        var decomposed = title.Trim().Normalize(NormalizationForm.FormD);
        var kept = new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant().Replace('’', '\'');
        var words = kept.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Masculine);
        return string.Join(' ', words);
    }

    private static string Masculine(string word) =>
        word.EndsWith("euse", StringComparison.Ordinal) ? word[..^4] + "eur"
        : word.EndsWith("rice", StringComparison.Ordinal) ? word[..^4] + "eur"
        : word.EndsWith("ienne", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith("iere", StringComparison.Ordinal) ? word[..^1]
        : word.EndsWith("ee", StringComparison.Ordinal) || word.EndsWith("ante", StringComparison.Ordinal) || word.EndsWith("ale", StringComparison.Ordinal) ? word[..^1]
        : word;

    private static List<IntermittentFunction> Load()
    {
        using var stream = typeof(IntermittentFunctions).Assembly.GetManifestResourceStream("Partage.Payroll.intermittent-functions.csv")
            ?? throw new InvalidOperationException("intermittent-functions.csv is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<IntermittentFunction>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(';');
            rows.Add(new IntermittentFunction(int.Parse(cells[0], CultureInfo.InvariantCulture), cells[1], cells[2]));
        }

        return rows;
    }
}
