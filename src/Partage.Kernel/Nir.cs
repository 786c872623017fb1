using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Partage.Kernel;

/// <summary>
/// A French social security number (NIR, "numéro de sécurité sociale"): 13 characters and a
/// 2-digit key equal to 97 − (number mod 97). Corsican departments 2A and 2B count as 19 and 18
/// in the key computation.
/// </summary>
public sealed record Nir
{
    private Nir(string value) => Value = value;

    /// <summary>Compact 15-character form.</summary>
    public string Value { get; }

    /// <summary>1 for a man, 2 for a woman (3, 4, 7, 8 for provisional numbers).</summary>
    public int SexDigit => Value[0] - '0';

    public static Nir Parse(string? input) =>
        TryParse(input, out var nir, out var error) ? nir : throw new FormatException(error);

    public static bool TryParse(string? input, [NotNullWhen(true)] out Nir? nir, out string error)
    {
        nir = null;
        var compact = Checksums.Normalize(input);
        if (compact.Length != 15)
        {
            error = "Un numéro de sécurité sociale compte 15 caractères (13 chiffres et une clé de 2 chiffres).";
            return false;
        }

        var department = compact.Substring(5, 2);
        var isCorsica = department is "2A" or "2B";
        var numeric = isCorsica ? string.Concat(compact.AsSpan(0, 5), "00", compact.AsSpan(7)) : compact;
        if (!numeric.All(char.IsAsciiDigit))
        {
            error = "Le numéro de sécurité sociale ne doit contenir que des chiffres (ou 2A/2B pour la Corse).";
            return false;
        }

        if (compact[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            error = "Le premier chiffre du numéro de sécurité sociale doit indiquer le sexe (1 ou 2).";
            return false;
        }

        var month = int.Parse(compact.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (month is not ((>= 1 and <= 12) or 20 or (>= 30 and <= 42) or (>= 50 and <= 99)))
        {
            error = "Le mois de naissance du numéro de sécurité sociale est invalide.";
            return false;
        }

        var body = compact[..13];
        if (isCorsica)
        {
            body = string.Concat(body.AsSpan(0, 5), department == "2A" ? "19" : "18", body.AsSpan(7));
        }

        var expectedKey = 97 - (long.Parse(body, CultureInfo.InvariantCulture) % 97);
        if (expectedKey != long.Parse(compact.AsSpan(13, 2), CultureInfo.InvariantCulture))
        {
            error = "La clé du numéro de sécurité sociale est incorrecte.";
            return false;
        }

        nir = new Nir(compact);
        error = string.Empty;
        return true;
    }

    public string Formatted => $"{Value[0]} {Value[1..3]} {Value[3..5]} {Value[5..7]} {Value[7..10]} {Value[10..13]} {Value[13..]}";

    /// <summary>What staff and screens see: the sex digit and the key, the rest hidden.</summary>
    public string Masked => $"{Value[0]} •• •• •• ••• ••• {Value[13..]}";

    public override string ToString() => Value;
}
