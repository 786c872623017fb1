using CsCheck;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.Tests.Employers;

/// <summary>The rules of the contract-management service that need no database: mandate periods and the pay-period invoice.</summary>
public class MandateAndInvoiceRulesTests
{
    /// <summary>The fee rule the ledger seeds for the contract-management module: 6.5 %, 2 points to the guarantee fund, 4.5 to running costs.</summary>
    private static FeeComputation Fee(long grossCents) => CooperativeFees.Compute(new FeeRule
    {
        RatePercent = 6.5m,
        Shares =
        [
            new App.Modules.Ledger.FeeShare { Position = 1, Label = "Fonds de garantie", Points = 2m, AccountNumber = "4671" },
            new App.Modules.Ledger.FeeShare { Position = 2, Label = "Fonctionnement", Points = 4.5m, AccountNumber = "7062" },
        ],
    }, Money.Eur(grossCents));

    [Fact]
    public void SignedMidMarch_FirstPeriodToTheYearEnd_ThenCalendarYears()
    {
        var periods = MandatePeriods.Of(new DateOnly(2026, 3, 15), null, new DateOnly(2028, 6, 1));
        Assert.Equal(
            [new DateRange(new DateOnly(2026, 3, 15), new DateOnly(2026, 12, 31)), new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), new DateRange(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31))],
            periods);
        Assert.Single(MandatePeriods.Of(new DateOnly(2026, 3, 15), null, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Terminated_LastPeriodEndsOnItsLastDay_ContractsAfterRefused()
    {
        var mandate = new Mandate { SignedOn = new DateOnly(2026, 3, 15), TerminatedOn = new DateOnly(2027, 6, 30) };
        Assert.Equal([new DateRange(new DateOnly(2026, 3, 15), new DateOnly(2026, 12, 31)), new DateRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30))],
            mandate.Periods(new DateOnly(2030, 1, 1)));
        Assert.True(mandate.Covers(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 2)));    // across the renewal
        Assert.False(mandate.Covers(new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 16)));   // starts before the signature
        Assert.False(mandate.Covers(new DateOnly(2027, 6, 30), new DateOnly(2027, 7, 1)));    // ends after the termination
    }

    [Fact]
    public void GrossPayroll10000_CompleteMandate_Fee650SplitVat130_TotalAdvancesPlus780()
    {
        var invoice = PayPeriodInvoice.Compute(MandateKind.Complete, Money.Eur(1_000_000), Money.Eur(780_000), Money.Eur(450_000), Money.Eur(12_000), Fee(1_000_000), 0.20m);
        Assert.Equal(Money.Eur(65_000), invoice.Fee.Total);
        Assert.Equal([Money.Eur(20_000), Money.Eur(45_000)], invoice.Fee.Shares.Select(s => s.Amount));
        Assert.Equal(Money.Eur(13_000), invoice.Vat);
        Assert.Equal(Money.Eur(780_000 + 450_000 + 12_000 + 78_000), invoice.Total);   // net wages + contributions + costs + 780.00
    }

    [Fact]
    public void PartialMandate_ContributionsNotInvoiced()
    {
        var invoice = PayPeriodInvoice.Compute(MandateKind.Partial, Money.Eur(1_000_000), Money.Eur(780_000), Money.Eur(450_000), Money.ZeroEur, Fee(1_000_000), 0.20m);
        Assert.Equal(Money.ZeroEur, invoice.Contributions);
        Assert.Equal(Money.Eur(780_000 + 78_000), invoice.Total);
    }

    [Fact]
    public void FeeAndSplit_NeverLoseACent() =>
        Gen.Long[0, 100_000_000].Sample(cents =>
        {
            var invoice = PayPeriodInvoice.Compute(MandateKind.Complete, Money.Eur(cents), Money.ZeroEur, Money.ZeroEur, Money.ZeroEur, Fee(cents), 0.20m);
            Assert.Equal(Money.Eur(Rounding.ToCents(cents * 0.065m / 100m)), invoice.Fee.Total);
            Assert.Equal(invoice.Fee.Total, invoice.Fee.Shares.Aggregate(Money.ZeroEur, (sum, s) => sum + s.Amount));
            Assert.Equal(Money.Eur(Rounding.ToCents(invoice.Fee.Total.Amount * 0.20m)), invoice.Vat);
        });
}
