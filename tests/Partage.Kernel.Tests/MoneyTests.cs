using CsCheck;
using Partage.Kernel;

namespace Partage.Kernel.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData(0.005, 1)]      // half a cent rounds up
    [InlineData(-0.005, -1)]    // and away from zero below zero
    [InlineData(0.0049, 0)]
    [InlineData(0.015, 2)]      // banker's rounding would give 2 too; 0.025 tells them apart
    [InlineData(0.025, 3)]
    [InlineData(1234.565, 123457)]
    public void ToCents_HalfCent_RoundsAwayFromZero(double euros, long expectedCents)
    {
        Assert.Equal(expectedCents, Rounding.ToCents((decimal)euros));
    }

    [Fact]
    public void FromAmount_MoreThanTwoDecimals_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Money.FromAmount(12.345m, Currency.Eur));
        Assert.Equal(1234, Money.FromAmount(12.34m, Currency.Eur).Cents);
    }

    [Fact]
    public void Addition_DifferentCurrencies_Throws()
    {
        var eur = Money.Eur(100);
        var chf = Money.FromCents(100, new Currency("CHF"));
        Assert.Throws<InvalidOperationException>(() => eur + chf);
    }

    [Fact]
    public void Arithmetic_IsExact()
    {
        var total = new[] { Money.Eur(10), Money.Eur(20), Money.Eur(-5) }.Sum(Currency.Eur);
        Assert.Equal(Money.Eur(25), total);
        Assert.Equal(Money.Eur(-25), -total);
        Assert.Equal(Money.Eur(75), total * 3);
        Assert.True(Money.Eur(1) > Money.Eur(0));
    }

    [Theory]
    [InlineData(100, 3, new long[] { 34, 33, 33 })]
    [InlineData(-100, 3, new long[] { -34, -33, -33 })]
    [InlineData(2, 3, new long[] { 1, 1, 0 })]
    [InlineData(0, 2, new long[] { 0, 0 })]
    public void Allocate_EqualParts_HandsOutRemainderToFirstParts(long cents, int count, long[] expected)
    {
        var parts = Money.Eur(cents).Allocate(count);
        Assert.Equal(expected, parts.Select(p => p.Cents));
    }

    [Fact]
    public void Allocate_FeeSplit_TwoAndFourAndAHalfPoints()
    {
        // A 6.5 % fee of 650.01 EUR split 2 : 4.5 → 200.00 and 450.01, nothing lost.
        var parts = Money.Eur(65001).Allocate(new[] { 2m, 4.5m });
        Assert.Equal(new long[] { 20000, 45001 }, parts.Select(p => p.Cents));
    }

    [Fact]
    public void Allocate_AnyAmountAndRatios_PartsAddUpToWhole()
    {
        Gen.Select(
                Gen.Long[-10_000_000_000, 10_000_000_000],
                Gen.Int[0, 1000].Array[1, 8])
            .Where((_, ratios) => ratios.Sum() > 0)
            .Sample((cents, ratios) =>
            {
                var parts = Money.Eur(cents).Allocate(ratios.Select(r => (decimal)r).ToArray());
                var sum = parts.Sum(Currency.Eur);
                var maxCentOff = parts.Select((p, i) => Math.Abs(p.Amount - (cents / 100m) * ratios[i] / ratios.Sum())).Max();
                return sum.Cents == cents && maxCentOff < 0.01m;
            });
    }

    [Fact]
    public void Allocate_NoRatios_Throws()
    {
        Assert.Throws<ArgumentException>(() => Money.Eur(100).Allocate(Array.Empty<decimal>()));
        Assert.Throws<ArgumentException>(() => Money.Eur(100).Allocate(new[] { 0m, 0m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Eur(100).Allocate(0));
    }

    [Fact]
    public void Multiply_RoundsOnceAtTheEnd()
    {
        // 19.99 × 0.2 = 3.998 → 4.00
        Assert.Equal(Money.Eur(400), Money.Eur(1999).Multiply(0.2m));
    }

    [Fact]
    public void ToDisplayString_French()
    {
        Assert.Equal("1\u202f234,56\u00a0€", Money.Eur(123456).ToDisplayString());
        Assert.Equal("-0,05\u00a0€", Money.Eur(-5).ToDisplayString());
        Assert.Equal("1234.56 EUR", Money.Eur(123456).ToString());
    }
}

public class RateTests
{
    [Fact]
    public void AppliedTo_RoundsLineToCent()
    {
        var rate = Rate.FromPercent(6.5m);
        Assert.Equal(0.065m, rate.Value);
        Assert.Equal(650m, rate.Of(Money.Eur(1_000_000)));
        Assert.Equal(Money.Eur(65), rate.AppliedTo(Money.Eur(1000)));
        // 7.77 × 6.5 % = 0.50505 → 0.51
        Assert.Equal(Money.Eur(51), rate.AppliedTo(Money.Eur(777)));
    }

    [Fact]
    public void ToString_FrenchPercent()
    {
        Assert.Equal("6,5\u00a0%", Rate.FromPercent(6.5m).ToString());
    }
}
