using Partage.Kernel;

namespace Partage.Kernel.Tests;

public class IbanTests
{
    [Theory]
    [InlineData("FR7630006000011234567890189")]
    [InlineData("FR76 3000 6000 0112 3456 7890 189")]   // printed form with spaces
    [InlineData("fr7630006000011234567890189")]         // lower case typed by hand
    [InlineData("DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("BE68539007547034")]
    [InlineData("NL91ABNA0417164300")]
    public void TryParse_ValidIban_Accepted(string input)
    {
        Assert.True(Iban.TryParse(input, out var iban, out _));
        Assert.DoesNotContain(' ', iban!.Value);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", "clé")]      // one digit off
    [InlineData("FR763000600001123456789018", "27")]        // one character short
    [InlineData("XX7630006000011234567890189", "inconnu")]  // unknown country
    [InlineData("FR76-3000-6000-0112-3456-7890-18!", "lettres")]
    [InlineData("", "lettres")]
    [InlineData(null, "lettres")]
    public void TryParse_InvalidIban_RefusedWithFrenchReason(string? input, string reasonPart)
    {
        Assert.False(Iban.TryParse(input, out _, out var error));
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_ShowsOnlyCountryKeyAndLastFour()
    {
        var iban = Iban.Parse("FR7630006000011234567890189");
        Assert.Equal("FR76 •••• •••• 0189", iban.Masked);
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", iban.Formatted);
    }
}

public class SirenSiretTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("443 061 841")]
    [InlineData("552120222")]
    public void Siren_ValidLuhn_Accepted(string input) => Assert.True(Siren.TryParse(input, out _, out _));

    [Theory]
    [InlineData("123456789")]   // Luhn fails
    [InlineData("12345678")]    // too short
    [InlineData("44306184A")]   // not digits
    public void Siren_Invalid_Refused(string input) => Assert.False(Siren.TryParse(input, out _, out _));

    [Fact]
    public void Siren_VatNumber_ComputedFromKey()
    {
        Assert.Equal("FR83404833048", Siren.Parse("404833048").VatNumber);
    }

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("443 061 841 00047")]
    [InlineData("35600000049837")]   // La Poste: digit sum divisible by 5, Luhn fails
    public void Siret_Valid_Accepted(string input) => Assert.True(Siret.TryParse(input, out _, out _));

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("7328293200007")]
    [InlineData("35600000000049")]
    public void Siret_Invalid_Refused(string input) => Assert.False(Siret.TryParse(input, out _, out _));

    [Fact]
    public void Siret_Siren_IsFirstNineDigits()
    {
        Assert.Equal("443061841", Siret.Parse("44306184100047").Siren.Value);
    }
}

public class NirTests
{
    [Theory]
    [InlineData("185057800608491")]
    [InlineData("1 85 05 78 006 084 91")]
    [InlineData("269029935012336")]
    [InlineData("185052A00608435")]   // Corsica: 2A counts as 19 in the key
    public void TryParse_ValidNir_Accepted(string input) => Assert.True(Nir.TryParse(input, out _, out _));

    [Theory]
    [InlineData("185057800608492", "clé")]
    [InlineData("18505780060849", "15")]
    [InlineData("585057800608491", "sexe")]
    [InlineData("185137800608491", "mois")]
    [InlineData("18505780060X491", "chiffres")]
    public void TryParse_InvalidNir_RefusedWithReason(string input, string reasonPart)
    {
        Assert.False(Nir.TryParse(input, out _, out var error));
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_HidesBirthAndPlace()
    {
        var nir = Nir.Parse("185057800608491");
        Assert.Equal("1 •• •• •• ••• ••• 91", nir.Masked);
        Assert.Equal(1, nir.SexDigit);
    }
}
