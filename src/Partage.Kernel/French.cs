using System.Globalization;

namespace Partage.Kernel;

/// <summary>
/// French grammar the screens and messages need, in one place: the preposition "de" before a name (elided, or
/// contracted with the article), counts with their plural, months in words.
/// </summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// "de" before a name: "d'Amiens", "d'Orléans", "du Havre", "des Ulis", "de La Rochelle", "de Lille". A word that
    /// starts with an h is not elided: most place names with an h are aspirated ("de Hautmont", "de Hem").
    /// </summary>
    public static string Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed.StartsWith("Le ", StringComparison.Ordinal))
        {
            return "du " + trimmed[3..];
        }

        if (trimmed.StartsWith("Les ", StringComparison.Ordinal))
        {
            return "des " + trimmed[4..];
        }

        return (StartsWithVowel(trimmed) ? "d'" : "de ") + trimmed;
    }

    /// <summary>
    /// A count with its noun: "0 bulletin calculé", "1 jour", "15 jours" (in French, 0 and 1 take the singular).
    /// The plural is given when it is not the singular with an s on each word ("lot de virement" → "lots de virement").
    /// </summary>
    public static string Count(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        var noun = Math.Abs(count) < 2 ? singular : plural ?? string.Join(' ', singular.Split(' ').Select(w => w.EndsWith('s') || w.EndsWith('x') ? w : w + "s"));
        return string.Create(Culture, $"{count:N0} {noun}");
    }

    /// <summary>A month as people write it: "octobre 2026".</summary>
    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", Culture);

    private static bool StartsWithVowel(string word)
    {
        var first = word.Normalize(System.Text.NormalizationForm.FormD)[0];
        return "AEIOUYaeiouy".Contains(first, StringComparison.Ordinal);
    }
}
