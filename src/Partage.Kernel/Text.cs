using System.Globalization;
using System.Text;

namespace Partage.Kernel;

public static class Text
{
    /// <summary>The text kept within a column's or a field's length (references, labels), never longer.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..max];
    }

    /// <summary>
    /// The form used for searching: lower case, accents removed, spaces folded, so that
    /// "Hélène Lefèvre" is found by "helene lefevre". Computed once when saving, indexed.
    /// </summary>
    public static string SearchKey(params string?[] parts)
    {
        var joined = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        var decomposed = joined.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
