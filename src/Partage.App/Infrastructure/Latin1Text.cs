namespace Partage.App.Infrastructure;

/// <summary>
/// What a file in ISO-8859-1 (the DSN, the DPAE) can carry. French writes a few letters Latin-1 lacks: the
/// ligatures œ and Œ (Cœuvres-et-Valsery, Bœuf) and the typographic apostrophe and dashes a phone keyboard types
/// (L’Haÿ-les-Roses); they have a usual Latin-1 spelling and take it. Anything else (another script) is refused
/// where it is entered, so that a declaration never carries a « ? » in a name.
/// </summary>
public static class Latin1Text
{
    /// <summary>The usual Latin-1 spelling of the few French characters outside it; other characters unchanged.</summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal)
            .Replace('’', '\'').Replace('‘', '\'').Replace('–', '-').Replace('—', '-').Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    /// <summary>The first character that stays outside Latin-1 once folded, if any.</summary>
    public static char? Outside(string value) => Fold(value).FirstOrDefault(c => c > '\u00FF') is var c && c != default ? c : null;
}
