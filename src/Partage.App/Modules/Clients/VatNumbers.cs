using System.Text.RegularExpressions;
using Partage.Kernel;

namespace Partage.App.Modules.Clients;

/// <summary>
/// Intra-EU VAT numbers: the format of each member state (as the European Commission's VIES
/// describes it), and the French key, which is computed from the SIREN. Whether a number is
/// live is VIES's business (no network here); its shape is ours.
/// </summary>
public static class VatNumbers
{
    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.Ordinal)
    {
        ["AT"] = Format("U[0-9]{8}"), ["BE"] = Format("[01][0-9]{9}"), ["BG"] = Format("[0-9]{9,10}"), ["CY"] = Format("[0-9]{8}[A-Z]"),
        ["CZ"] = Format("[0-9]{8,10}"), ["DE"] = Format("[0-9]{9}"), ["DK"] = Format("[0-9]{8}"), ["EE"] = Format("[0-9]{9}"),
        ["EL"] = Format("[0-9]{9}"), ["ES"] = Format("[A-Z0-9][0-9]{7}[A-Z0-9]"), ["FI"] = Format("[0-9]{8}"), ["FR"] = Format("[A-HJ-NP-Z0-9]{2}[0-9]{9}"),
        ["HR"] = Format("[0-9]{11}"), ["HU"] = Format("[0-9]{8}"), ["IE"] = Format("[0-9][A-Z0-9+*][0-9]{5}[A-W][A-I]?"), ["IT"] = Format("[0-9]{11}"),
        ["LT"] = Format("([0-9]{9}|[0-9]{12})"), ["LU"] = Format("[0-9]{8}"), ["LV"] = Format("[0-9]{11}"), ["MT"] = Format("[0-9]{8}"),
        ["NL"] = Format("[0-9]{9}B[0-9]{2}"), ["PL"] = Format("[0-9]{10}"), ["PT"] = Format("[0-9]{9}"), ["RO"] = Format("[0-9]{2,10}"),
        ["SE"] = Format("[0-9]{10}01"), ["SI"] = Format("[0-9]{8}"), ["SK"] = Format("[0-9]{10}"), ["XI"] = Format("([0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3})"),
    };

    /// <summary>The member states of the EU (ISO country codes), for VAT: where reverse charge applies to business clients.</summary>
    public static bool IsEuCountry(string country) => VatPrefix(country) is { } prefix && prefix != "XI";

    /// <summary>The VAT prefix of a country: the ISO code, except Greece (EL).</summary>
    public static string? VatPrefix(string country) => country switch
    {
        "GR" => "EL",
        _ when Formats.ContainsKey(country) => country,
        _ => null,
    };

    /// <summary>Upper case without spaces, dots or dashes, or null when empty.</summary>
    public static string? Normalize(string? input)
    {
        var text = new string((input ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Checks a normalized number against the client's country; returns a French message, or null when valid.</summary>
    public static string? Check(string number, string country, Siren? siren)
    {
        var prefix = VatPrefix(country);
        if (prefix is null)
        {
            return "Un numéro de TVA intracommunautaire n'existe que pour un pays de l'Union européenne.";
        }

        if (!number.StartsWith(prefix, StringComparison.Ordinal) || !Formats[prefix].IsMatch(number[2..]))
        {
            return $"Le numéro de TVA ne suit pas le format de ce pays (il commence par {prefix}).";
        }

        if (prefix == "FR" && number[2..4].All(char.IsAsciiDigit))
        {
            if (siren is not null && number[4..] != siren.Value)
            {
                return "Le numéro de TVA français contient le SIREN du client.";
            }

            if (Siren.TryParse(number[4..], out var fromNumber, out _) && fromNumber.VatNumber != number)
            {
                return "La clé du numéro de TVA français ne correspond pas au SIREN.";
            }
        }

        return null;
    }

    private static Regex Format(string body) => new($"^{body}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
