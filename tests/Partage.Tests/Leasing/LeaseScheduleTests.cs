using System.Globalization;
using Partage.App.Modules.Leasing;

namespace Partage.Tests.Leasing;

/// <summary>The repayment schedules of the worked examples, the end-of-month due dates, the depreciation, and the sums for random terms.</summary>
public sealed class LeaseScheduleTests
{
    /// <summary>
    /// 5,000 EUR over 36 months at 4 % a year: the table as a spreadsheet computes it — instalment =ROUND(PMT(4%/12;36;-5000);2)
    /// = 147.62, each row's interest =ROUND(remaining*4%/12;2), capital = instalment − interest, the last row repaying what
    /// remains (147.14 + 0.49 = 147.63). Written out with Python's decimal module (ROUND_HALF_UP) from those formulas, not by
    /// the code under test: instalment, interest, capital, remaining after the payment.
    /// </summary>
    private static readonly string[] FiveThousandOver36At4 =
    [
        "147.62 16.67 130.95 4869.05",
        "147.62 16.23 131.39 4737.66",
        "147.62 15.79 131.83 4605.83",
        "147.62 15.35 132.27 4473.56",
        "147.62 14.91 132.71 4340.85",
        "147.62 14.47 133.15 4207.70",
        "147.62 14.03 133.59 4074.11",
        "147.62 13.58 134.04 3940.07",
        "147.62 13.13 134.49 3805.58",
        "147.62 12.69 134.93 3670.65",
        "147.62 12.24 135.38 3535.27",
        "147.62 11.78 135.84 3399.43",
        "147.62 11.33 136.29 3263.14",
        "147.62 10.88 136.74 3126.40",
        "147.62 10.42 137.20 2989.20",
        "147.62 9.96 137.66 2851.54",
        "147.62 9.51 138.11 2713.43",
        "147.62 9.04 138.58 2574.85",
        "147.62 8.58 139.04 2435.81",
        "147.62 8.12 139.50 2296.31",
        "147.62 7.65 139.97 2156.34",
        "147.62 7.19 140.43 2015.91",
        "147.62 6.72 140.90 1875.01",
        "147.62 6.25 141.37 1733.64",
        "147.62 5.78 141.84 1591.80",
        "147.62 5.31 142.31 1449.49",
        "147.62 4.83 142.79 1306.70",
        "147.62 4.36 143.26 1163.44",
        "147.62 3.88 143.74 1019.70",
        "147.62 3.40 144.22 875.48",
        "147.62 2.92 144.70 730.78",
        "147.62 2.44 145.18 585.60",
        "147.62 1.95 145.67 439.93",
        "147.62 1.47 146.15 293.78",
        "147.62 0.98 146.64 147.14",
        "147.63 0.49 147.14 0.00",
    ];

    [Fact]
    public void TwoThousandFourHundred_Over24Months_At0_Is24InstalmentsOf100()
    {
        var rows = LeaseSchedule.Compute(240_000, 24, 0m, 0, DueDates.From(new DateOnly(2026, 1, 15)));

        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.Equal(10_000, r.InstalmentCents));
        Assert.All(rows, r => Assert.Equal(0, r.InterestCents));
        Assert.Equal(0, rows[^1].RemainingCents);
        Assert.Equal(new DateOnly(2027, 12, 15), rows[^1].DueOn);
    }

    [Fact]
    public void OneThousand_Over7Months_At0_TheLastInstalmentAbsorbsTheCent()
    {
        var rows = LeaseSchedule.Compute(100_000, 7, 0m, 0, DueDates.From(new DateOnly(2026, 3, 5)));

        Assert.Equal([14_286, 14_286, 14_286, 14_286, 14_286, 14_286, 14_284], rows.Select(r => r.InstalmentCents));
        Assert.Equal(100_000, rows.Sum(r => r.InstalmentCents));
        Assert.Equal(0, rows[^1].RemainingCents);
    }

    [Fact]
    public void FiveThousand_Over36Months_At4Percent_IsTheSpreadsheetsTable()
    {
        var rows = LeaseSchedule.Compute(500_000, 36, 4m, 0, DueDates.From(new DateOnly(2027, 1, 10)));

        Assert.Equal(14_762, LeaseSchedule.ConstantInstalmentCents(500_000, 36, 0.04m / 12m));
        Assert.Equal(FiveThousandOver36At4.Length, rows.Count);
        for (var k = 0; k < rows.Count; k++)
        {
            var expected = FiveThousandOver36At4[k].Split(' ').Select(x => (long)(decimal.Parse(x, CultureInfo.InvariantCulture) * 100)).ToArray();
            Assert.True(
                expected[0] == rows[k].InstalmentCents && expected[1] == rows[k].InterestCents && expected[2] == rows[k].CapitalCents && expected[3] == rows[k].RemainingCents,
                $"row {k + 1}: expected {FiveThousandOver36At4[k]}, got {rows[k].InstalmentCents} {rows[k].InterestCents} {rows[k].CapitalCents} {rows[k].RemainingCents}");
        }

        Assert.Equal(531_433, rows.Sum(r => r.InstalmentCents));   // capital + 314.33 of interest
        Assert.Equal(31_433, rows.Sum(r => r.InterestCents));
    }

    [Fact]
    public void AFixedMonthlyFee_IsAddedToEachInstalmentAsItsCost()
    {
        var rows = LeaseSchedule.Compute(120_000, 12, 0m, 250, DueDates.From(new DateOnly(2026, 6, 1)));

        Assert.All(rows, r => Assert.Equal(10_250, r.InstalmentCents));
        Assert.Equal(120_000, rows.Sum(r => r.CapitalCents));
        Assert.Equal(3_000, rows.Sum(r => r.InterestCents));
    }

    [Fact]
    public void ALeaseDueOn31January_IsNextDueOnTheLastDayOfFebruary_Then31March()
    {
        var dates = DueDates.From(new DateOnly(2027, 1, 31));
        Assert.Equal(new DateOnly(2027, 2, 28), dates.Nth(2));
        Assert.Equal(new DateOnly(2027, 3, 31), dates.Nth(3));
        Assert.Equal(new DateOnly(2027, 4, 30), dates.Nth(4));

        var leap = DueDates.From(new DateOnly(2028, 1, 31));
        Assert.Equal(new DateOnly(2028, 2, 29), leap.Nth(2));
        Assert.Equal(new DateOnly(2028, 3, 31), leap.Nth(3));

        // A pause of two months moves the third due date to May, the chosen day kept.
        Assert.Equal(new DateOnly(2027, 5, 31), dates.Nth(3, shift: 2));
        var thirtieth = DueDates.From(new DateOnly(2026, 11, 30));
        Assert.Equal(new DateOnly(2027, 2, 28), thirtieth.Nth(4));
        Assert.Equal(new DateOnly(2027, 3, 30), thirtieth.Nth(5));
    }

    [Fact]
    public void RandomTerms_InstalmentsSumToCapitalPlusInterest_CapitalColumnToTheCapital()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 2_000; run++)
        {
            var capital = random.NextInt64(1, 100_000_000);
            var months = random.Next(1, 121);
            var rate = random.Next(0, 2_500) / 100m;
            var fee = random.Next(0, 3) == 0 ? random.Next(0, 5_000) : 0;
            var rows = LeaseSchedule.Compute(capital, months, rate, fee, DueDates.From(new DateOnly(2026, 1, 1).AddDays(random.Next(0, 800))));

            var context = $"capital {capital}, {months} months, {rate} %, fee {fee}";
            Assert.True(rows.Count == months, context);
            Assert.True(rows.Sum(r => r.CapitalCents) == capital, context);
            Assert.True(rows.Sum(r => r.InstalmentCents) == capital + rows.Sum(r => r.InterestCents), context);
            Assert.True(rows[^1].RemainingCents == 0, context);
            Assert.True(rows.All(r => r.CapitalCents >= 0 && r.InterestCents >= 0), context);
            Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.DueOn < p.Second.DueOn), context);
        }
    }

    [Fact]
    public void Depreciation_IsStraightLine_ProRataOn360Days_AndSumsToTheCost()
    {
        // 3,600 EUR of computers bought 15 November 2026 over 3 years: 46 days of 2026 (100 × 46 = 153.33), then 1,200 a year, the rest in 2029.
        var rows = Depreciation.Schedule(360_000, new DateOnly(2026, 11, 15), 3);

        Assert.Equal([2026, 2027, 2028, 2029], rows.Select(r => r.Year));
        Assert.Equal([15_333, 120_000, 120_000, 104_667], rows.Select(r => r.ChargeCents));
        Assert.Equal(0, rows[^1].NetBookValueCents);

        var januaryFirst = Depreciation.Schedule(500_000, new DateOnly(2027, 1, 1), 5);
        Assert.Equal(5, januaryFirst.Count);
        Assert.All(januaryFirst, r => Assert.Equal(100_000, r.ChargeCents));
    }
}
