using System.Diagnostics.CodeAnalysis;

namespace Partage.Kernel;

/// <summary>The 9-digit INSEE number of a French company, with its Luhn key.</summary>
public sealed record Siren
{
    private Siren(string value) => Value = value;

    public string Value { get; }

    public static Siren Parse(string? input) =>
        TryParse(input, out var siren, out var error) ? siren : throw new FormatException(error);

    public static bool TryParse(string? input, [NotNullWhen(true)] out Siren? siren, out string error)
    {
        siren = null;
        var digits = Checksums.Normalize(input);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            error = "Un SIREN compte exactement 9 chiffres.";
            return false;
        }

        if (!Checksums.Luhn(digits))
        {
            error = "La clé de contrôle du SIREN est incorrecte.";
            return false;
        }

        siren = new Siren(digits);
        error = string.Empty;
        return true;
    }

    /// <summary>The French intra-EU VAT number of this company: FR + key + SIREN.</summary>
    public string VatNumber
    {
        get
        {
            var key = (12 + 3 * (long.Parse(Value, System.Globalization.CultureInfo.InvariantCulture) % 97)) % 97;
            return $"FR{key:D2}{Value}";
        }
    }

    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public override string ToString() => Value;
}

/// <summary>
/// The 14-digit number of a French establishment: its SIREN and a 5-digit NIC, with a Luhn key.
/// La Poste's establishments (SIREN 356 000 000) may instead have a digit sum divisible by 5.
/// </summary>
public sealed record Siret
{
    private const string LaPosteSiren = "356000000";

    private Siret(string value) => Value = value;

    public string Value { get; }

    public Siren Siren => Siren.Parse(Value[..9]);

    public static Siret Parse(string? input) =>
        TryParse(input, out var siret, out var error) ? siret : throw new FormatException(error);

    public static bool TryParse(string? input, [NotNullWhen(true)] out Siret? siret, out string error)
    {
        siret = null;
        var digits = Checksums.Normalize(input);
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            error = "Un SIRET compte exactement 14 chiffres.";
            return false;
        }

        // La Poste numbers its many establishments beyond what Luhn allows; INSEE accepts for them
        // a digit sum divisible by 5.
        var valid = Checksums.Luhn(digits[..9])
            && (Checksums.Luhn(digits)
                || (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0));
        if (!valid)
        {
            error = "La clé de contrôle du SIRET est incorrecte.";
            return false;
        }

        siret = new Siret(digits);
        error = string.Empty;
        return true;
    }

    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..9]} {Value[9..]}";

    public override string ToString() => Value;
}
