using CsCheck;

namespace Partage.Payroll.Tests;

/// <summary>A contract over several months is paid by month: the months cover the contract and add up to what was agreed.</summary>
public class ContractMonthsTests
{
    [Fact]
    public void WithinAMonth_OneMonthWithEverything()
    {
        var month = Assert.Single(ContractMonths.Split(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), 16m, null, 50_000));
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), 16m, 50_000L, "2026-12", 2), (month.From, month.To, month.Hours, month.GrossCents, month.Period, month.Days));
    }

    [Fact]
    public void AcrossTheYearEnd_ProratedByCalendarDays_LastMonthTakesTheRest()
    {
        // 12 days in December, 31 in January, 10 in February: 53 days, 100 h, 3,000.00 €.
        var months = ContractMonths.Split(new DateOnly(2026, 12, 20), new DateOnly(2027, 2, 10), 100m, null, 300_000);
        Assert.Equal(["2026-12", "2027-01", "2027-02"], months.Select(m => m.Period));
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), (months[0].To, months[1].From, months[1].To));
        Assert.Equal([22.64m, 58.49m, 18.87m], months.Select(m => m.Hours!.Value));       // 100 × 12/53 = 22.641…, 100 × 31/53 = 58.490…
        Assert.Equal([67_925L, 175_472L, 56_603L], months.Select(m => m.GrossCents));       // 3,000 × 12/53 = 679.245…, × 31/53 = 1,754.716…
    }

    [Fact]
    public void Cachets_WholeInEachMonth()
    {
        var months = ContractMonths.Split(new DateOnly(2027, 1, 25), new DateOnly(2027, 2, 5), null, 5, 100_000);
        Assert.Equal([2, 3], months.Select(m => m.Cachets!.Value));   // 7 days of 12 in January: 5 × 7/12 = 2.92, rounded down; February the rest
    }

    [Fact]
    public void AnyContract_MonthsAreContiguous_AndAddUpExactly() =>
        Gen.Select(Gen.Int[0, 700], Gen.Int[0, 365], Gen.Long[0, 5_000_000], Gen.Int[1, 2_000_00], Gen.Int[1, 200])
            .Sample((offset, length, cents, hundredthsOfHours, cachets) =>
            {
                var start = new DateOnly(2026, 1, 1).AddDays(offset);
                var end = start.AddDays(length);
                var hours = hundredthsOfHours / 100m;
                var months = ContractMonths.Split(start, end, hours, cachets, cents);
                Assert.Equal(start, months[0].From);
                Assert.Equal(end, months[^1].To);
                Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.To.AddDays(1), pair.Second.From));
                Assert.All(months, m => Assert.Equal((m.From.Year, m.From.Month), (m.To.Year, m.To.Month)));
                Assert.Equal(cents, months.Sum(m => m.GrossCents));
                Assert.Equal(hours, months.Sum(m => m.Hours!.Value));
                Assert.Equal(cachets, months.Sum(m => m.Cachets!.Value));
                Assert.Equal(length + 1, months.Sum(m => m.Days));
            });
}
