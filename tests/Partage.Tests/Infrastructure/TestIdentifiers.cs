namespace Partage.Tests.Infrastructure;

/// <summary>Valid French company identifiers, fresh for each test (the Luhn key computed).</summary>
public static class TestIdentifiers
{
    private static int next = Random.Shared.Next(10_000_000, 50_000_000);

    public static string Siren() => WithKey(Interlocked.Increment(ref next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The head office (establishment 0001) of <paramref name="siren"/>.</summary>
    public static string Siret(string siren) => WithKey(siren + "0001");

    private static string WithKey(string body)
    {
        for (var key = 0; key <= 9; key++)
        {
            var candidate = body + key;
            if (Luhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable: one key in ten passes Luhn");
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
