using Partage.App.Modules.Invoicing;
using Partage.Kernel;

namespace Partage.Tests.Invoicing;

public class CalculationTests
{
    [Fact]
    public void CreditorReference_ChecksumPerIso11649()
    {
        Assert.Equal("RF18539007547034", CreditorReference.For("539007547034"));   // the standard's own example
        var ours = CreditorReference.For("LNA-2026-000042");
        Assert.StartsWith("RF", ours, StringComparison.Ordinal);
        Assert.EndsWith("LNA2026000042", ours, StringComparison.Ordinal);
        Assert.True(CreditorReference.IsValid(ours));
        Assert.False(CreditorReference.IsValid(ours.Replace("000042", "000043", StringComparison.Ordinal)));
    }

    [Fact]
    public void Totals_VatPerRateOnSummedBases_NotPerLine()
    {
        var standard = VatRules.All.Single(r => r.Code == VatRules.Standard);
        // Three lines of 0.05 at 20 %: per line 0.01 each (0.03), on the base 0.15 → 0.03; with 0.07 × 3 = 0.21 → 0.042 → 0.04 (per line it would be 0.03).
        var totals = InvoiceCalculator.Totals([(7L, standard), (7L, standard), (7L, standard)]);
        Assert.Equal(Money.Eur(21), totals.Net);
        Assert.Equal(Money.Eur(4), totals.Vat);
        Assert.Equal(Money.Eur(25), totals.Gross);
        Assert.Single(totals.Breakdown);
    }

    [Theory]
    [InlineData("6.5", "45.333", 29_466L)]
    [InlineData("1", "0.005", 1L)]     // half a cent rounds away from zero
    [InlineData("3", "33.3333", 10_000L)]
    public void LineNet_RoundedToTheCentHalfAwayFromZero(string quantity, string price, long cents) =>
        Assert.Equal(cents, InvoiceCalculator.LineNetCents(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));
}
