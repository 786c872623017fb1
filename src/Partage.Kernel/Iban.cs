using System.Diagnostics.CodeAnalysis;

namespace Partage.Kernel;

/// <summary>
/// An International Bank Account Number checked per ISO 13616: known country, length of that
/// country, and the mod-97 check digits. Stored in its compact form (no spaces).
/// </summary>
public sealed record Iban
{
    // IBAN lengths of the SEPA countries and of the other countries members commonly bank in
    // (SWIFT IBAN registry).
    private static readonly Dictionary<string, int> LengthByCountry = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["VA"] = 22,
    };

    private Iban(string value) => Value = value;

    /// <summary>Compact form, e.g. FR7630006000011234567890189.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    public static Iban Parse(string? input) =>
        TryParse(input, out var iban, out var error) ? iban : throw new FormatException(error);

    public static bool TryParse(string? input, [NotNullWhen(true)] out Iban? iban, out string error)
    {
        iban = null;
        var compact = Checksums.Normalize(input);
        if (compact.Length < 5 || !compact.All(char.IsAsciiLetterOrDigit))
        {
            error = "L'IBAN ne doit contenir que des lettres et des chiffres.";
            return false;
        }

        if (!LengthByCountry.TryGetValue(compact[..2], out var length))
        {
            error = $"Pays d'IBAN inconnu : « {compact[..2]} ».";
            return false;
        }

        if (compact.Length != length)
        {
            error = $"Un IBAN {compact[..2]} compte {length} caractères (et non {compact.Length}).";
            return false;
        }

        if (!char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3])
            || Checksums.Mod97(compact[4..] + compact[..4]) != 1)
        {
            error = "La clé de contrôle de l'IBAN est incorrecte.";
            return false;
        }

        iban = new Iban(compact);
        error = string.Empty;
        return true;
    }

    /// <summary>Groups of four, as printed on a RIB: "FR76 3000 6000 …".</summary>
    public string Formatted => string.Join(' ', Value.Chunk(4).Select(c => new string(c)));

    /// <summary>Shown to anyone but the account holder's own edit form: country, key and the last four characters.</summary>
    public string Masked => $"{Value[..4]} •••• •••• {Value[^4..]}";

    public override string ToString() => Value;
}
