using Partage.Kernel;

namespace Partage.Kernel.Tests;

public class FrenchTests
{
    [Theory]
    [InlineData("Amiens", "d'Amiens")]
    [InlineData("Orléans", "d'Orléans")]
    [InlineData("Évry", "d'Évry")]
    [InlineData("Ivry-sur-Seine", "d'Ivry-sur-Seine")]
    [InlineData("Lille", "de Lille")]
    [InlineData("Hem", "de Hem")]
    [InlineData("Le Havre", "du Havre")]
    [InlineData("Les Ulis", "des Ulis")]
    [InlineData("La Rochelle", "de La Rochelle")]
    public void Of_ElidesAndContracts(string name, string expected) => Assert.Equal(expected, French.Of(name));

    [Theory]
    [InlineData(0, "bulletin calculé", null, "0 bulletin calculé")]
    [InlineData(1, "jour", null, "1 jour")]
    [InlineData(15, "jour", null, "15 jours")]
    [InlineData(2, "bulletin calculé", null, "2 bulletins calculés")]
    [InlineData(3, "lot de virement", "lots de virement", "3 lots de virement")]
    [InlineData(4, "prix", null, "4 prix")]
    public void Count_TakesThePluralFromTwo(long count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, French.Count(count, singular, plural).Replace('\u202f', ' ').Replace('\u00a0', ' '));

    [Fact]
    public void Count_GroupsThousandsTheFrenchWay() => Assert.Equal("1 329 lignes", French.Count(1329, "ligne").Replace('\u202f', ' ').Replace('\u00a0', ' '));

    [Fact]
    public void Month_IsWrittenInWords() => Assert.Equal("octobre 2026", French.Month(new DateOnly(2026, 10, 14)));

    [Theory]
    [InlineData("1 200,50", "1200.50")]
    [InlineData("1\u00a0200,50", "1200.50")]
    [InlineData("1\u202f200,5", "1200.5")]
    [InlineData("1200.5", "1200.5")]
    [InlineData("1200,5", "1200.5")]
    [InlineData("1.200,50", "1200.50")]
    [InlineData("1,200.50", "1200.50")]
    [InlineData("12 345 678,9", "12345678.9")]
    [InlineData(" 6,5 ", "6.5")]
    [InlineData("0", "0")]
    public void TryParseDecimal_TakesFrenchAndEnglishWriting(string text, string expected)
    {
        Assert.True(French.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("12 00")]
    [InlineData("1 2000,5")]
    [InlineData("1,2,3")]
    [InlineData("1.200.5")]
    [InlineData("1,5.200")]
    [InlineData("1 200 ,5")]
    [InlineData(",5")]
    public void TryParseDecimal_RefusesWhatIsNotANumber(string text) => Assert.False(French.TryParseDecimal(text, out _));
}
