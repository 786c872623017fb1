using Partage.Kernel;

namespace Partage.Kernel.Tests;

public class DateRangeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Days_IncludesBothEnds()
    {
        Assert.Equal(15, new DateRange(D("2026-03-01"), D("2026-03-15")).Days);
        Assert.Equal(1, new DateRange(D("2026-03-01"), D("2026-03-01")).Days);
        Assert.Equal(29, new DateRange(D("2028-02-01"), D("2028-02-29")).Days);   // leap year
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DateRange(D("2026-03-02"), D("2026-03-01")));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-10", "2026-03-10", "2026-03-20", true)]    // touching on one day
    [InlineData("2026-03-01", "2026-03-10", "2026-03-11", "2026-03-20", false)]   // adjacent
    [InlineData("2026-03-05", "2026-03-06", "2026-03-01", "2026-03-31", true)]    // inside
    public void Overlaps_InclusiveEnds(string s1, string e1, string s2, string e2, bool expected)
    {
        var a = new DateRange(D(s1), D(e1));
        var b = new DateRange(D(s2), D(e2));
        Assert.Equal(expected, a.Overlaps(b));
        Assert.Equal(expected, b.Overlaps(a));
        Assert.Equal(expected, a.Intersect(b) is not null);
    }

    [Fact]
    public void Intersect_ReturnsCommonPart()
    {
        var common = new DateRange(D("2026-03-01"), D("2026-03-20")).Intersect(new DateRange(D("2026-03-15"), D("2026-04-30")));
        Assert.Equal(new DateRange(D("2026-03-15"), D("2026-03-20")), common);
    }
}

public class PayPeriodTests
{
    [Fact]
    public void February_LeapAndCommonYears()
    {
        Assert.Equal(29, new PayPeriod(2028, 2).Days);
        Assert.Equal(28, new PayPeriod(2026, 2).Days);
        Assert.Equal(new DateOnly(2026, 2, 28), new PayPeriod(2026, 2).End);
    }

    [Fact]
    public void NextAndPrevious_CrossYears()
    {
        Assert.Equal(new PayPeriod(2027, 1), new PayPeriod(2026, 12).Next());
        Assert.Equal(new PayPeriod(2025, 12), new PayPeriod(2026, 1).Previous());
        Assert.True(new PayPeriod(2026, 1) > new PayPeriod(2025, 12));
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-3", false)]
    [InlineData("26-03", false)]
    [InlineData("", false)]
    public void TryParse_Formats(string text, bool ok)
    {
        Assert.Equal(ok, PayPeriod.TryParse(text, out var period));
        if (ok)
        {
            Assert.Equal(text, period.ToString());
        }
    }

    [Fact]
    public void Containing_DateGivesItsMonth()
    {
        Assert.Equal(new PayPeriod(2026, 3), PayPeriod.Containing(new DateOnly(2026, 3, 31)));
    }
}

public class TextTests
{
    [Theory]
    [InlineData("Hélène  Lefèvre", "helene lefevre")]
    [InlineData(" ÉLODIE ", "elodie")]
    [InlineData("François-Xavier Çetin", "francois-xavier cetin")]
    public void SearchKey_FoldsCaseAndAccents(string input, string expected) =>
        Assert.Equal(expected, Text.SearchKey(input));

    [Fact]
    public void SearchKey_JoinsPartsSkippingEmpty() =>
        Assert.Equal("a b", Text.SearchKey("A", null, " ", "B"));
}

public class TypedIdTests
{
    private readonly record struct SampleId(Guid Value) : ITypedId<SampleId>
    {
        public static SampleId From(Guid value) => new(value);
    }

    [Fact]
    public void New_IsVersion7WithTimeOrderedPrefix()
    {
        // Version 7 orders by millisecond (first 48 bits); within one millisecond the rest is random.
        var first = TypedId.New<SampleId>();
        var second = TypedId.New<SampleId>();
        Assert.Equal(7, first.Value.Version);
        Assert.True(string.CompareOrdinal(first.Value.ToString()[..13], second.Value.ToString()[..13]) <= 0);
    }

    [Fact]
    public void TryParse_RejectsGarbage()
    {
        Assert.False(TypedId.TryParse<SampleId>("not-a-guid", out _));
        Assert.True(TypedId.TryParse<SampleId>("0190f1c4-7b3a-7000-8000-000000000001", out var id));
        Assert.Equal(Guid.Parse("0190f1c4-7b3a-7000-8000-000000000001"), id.Value);
    }
}

public class ParisTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]   // 23:59:59 in Paris (winter, UTC+1)
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]   // 00:30 on New Year's day in Paris, still 31 December in UTC
    [InlineData("2027-06-30T21:59:59Z", "2027-06-30")]   // summer time, UTC+2
    [InlineData("2027-06-30T22:00:00Z", "2027-07-01")]
    [InlineData("2028-02-28T23:00:00Z", "2028-02-29")]   // leap day
    public void Today_IsTheParisDate(string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.Today());
    }

    [Fact]
    public void EndOf_IsTheNextMidnightInParis()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), ParisTime.EndOf(new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateTimeOffset(2027, 7, 14, 22, 0, 0, TimeSpan.Zero), ParisTime.EndOf(new DateOnly(2027, 7, 14)));
    }

    [Fact]
    public void Local_ShowsParisWallClock()
    {
        Assert.Equal(new DateTime(2027, 1, 1, 0, 30, 0), ParisTime.Local(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
    }
}
