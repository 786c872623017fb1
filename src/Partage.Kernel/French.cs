using System.Globalization;

namespace Partage.Kernel;

/// <summary>
/// French grammar the screens and messages need, in one place: the preposition "de" before a name (elided, or
/// contracted with the article), counts with their plural, months in words.
/// </summary>
public static partial class French
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

    /// <summary>A period as stored ("2026-10") as people write it ("octobre 2026"); anything else unchanged.</summary>
    public static string Month(string period) => PayPeriod.TryParse(period, out var month) ? Month(new DateOnly(month.Year, month.Month, 1)) : period;

    /// <summary>
    /// A number as people type it, the French or the English way: "1 200,50", "1200.5", "1.200,50", "1,200.50",
    /// "6,5" (spaces, no-break spaces or thin spaces between groups of three digits). One separator alone is the
    /// decimal one; both together, the last is. Signs, exponents and badly grouped digits are not numbers.
    /// </summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || !NumberShape().IsMatch(s))
        {
            return false;
        }

        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        var groups = comma >= 0 && point >= 0 ? (comma > point ? '.' : ',') : ' ';
        var normalized = new string(s.Where(c => c != groups && !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Digits grouped by three with spaces, points or commas (or not grouped), then an optional decimal part.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+|\d{1,3}([ \u00A0\u202F]\d{3})+|\d{1,3}(\.\d{3})+(?=,)|\d{1,3}(,\d{3})+(?=\.))([.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberShape();

    private static bool StartsWithVowel(string word)
    {
        var first = word.Normalize(System.Text.NormalizationForm.FormD)[0];
        return "AEIOUYaeiouy".Contains(first, StringComparison.Ordinal);
    }
}
