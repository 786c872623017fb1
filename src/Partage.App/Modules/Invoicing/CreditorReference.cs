using System.Numerics;

namespace Partage.App.Modules.Invoicing;

/// <summary>ISO 11649 structured creditor reference ("RF" + 2 check digits + up to 21 characters).</summary>
public static class CreditorReference
{
    public static string For(string reference)
    {
        var body = new string(reference.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (body.Length is 0 or > 21)
        {
            throw new ArgumentException("A creditor reference carries 1 to 21 letters or digits.", nameof(reference));
        }

        return $"RF{98 - Mod97(body + "RF00"):D2}{body}";
    }

    public static bool IsValid(string? candidate)
    {
        var text = new string((candidate ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return text.Length is >= 5 and <= 25 && text.StartsWith("RF", StringComparison.Ordinal) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
            && Mod97(text[4..] + text[..4]) == 1;
    }

    private static int Mod97(string text)
    {
        var digits = string.Concat(text.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (int)(BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}
