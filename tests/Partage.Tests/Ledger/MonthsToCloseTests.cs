using Partage.App.Modules.Ledger.Features;
using Partage.Kernel;

namespace Partage.Tests.Ledger;

/// <summary>The months finance still has to close: ended, of an open year, not closed.</summary>
public class MonthsToCloseTests
{
    private static readonly FiscalYearView Year2026 = new(Guid.NewGuid(), "LNA", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), false, ["2026-01", "2026-02", "2026-04"]);

    [Theory]
    [InlineData("2026-01-31", "")]
    [InlineData("2026-02-01", "")]
    [InlineData("2026-04-01", "2026-03")]
    [InlineData("2026-05-15", "2026-03")]
    [InlineData("2026-07-01", "2026-03 2026-05 2026-06")]
    [InlineData("2027-03-01", "2026-03 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12")]
    public void MonthsToClose_EndedNotClosed_OldestFirst(string today, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Year2026.MonthsToClose(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Select(m => m.ToString()));

    [Fact]
    public void MonthsToClose_ClosedYear_None() =>
        Assert.Empty((Year2026 with { Closed = true }).MonthsToClose(new DateOnly(2027, 3, 1)));

    [Fact]
    public void FrenchMonth_OfAPeriod() =>
        Assert.Equal(("octobre 2026", "pas un mois"), (French.Month("2026-10"), French.Month("pas un mois")));
}
