namespace Partage.Kernel;

/// <summary>Check-digit algorithms shared by the identifiers below.</summary>
internal static class Checksums
{
    /// <summary>Luhn over a string of ASCII digits (SIREN, SIRET).</summary>
    public static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// The remainder modulo 97 of a long number written as letters and digits, letters counting
    /// A = 10 … Z = 35 (ISO 7064 MOD 97-10, used by IBAN and RF creditor references).
    /// </summary>
    public static int Mod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else
            {
                var value = char.ToUpperInvariant(c) - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            }
        }

        return remainder;
    }

    public static string Normalize(string? input) =>
        input is null ? string.Empty : new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray()).ToUpperInvariant();
}
