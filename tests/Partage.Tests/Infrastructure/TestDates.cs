using System.Globalization;
using Partage.Kernel;

namespace Partage.Tests.Infrastructure;

/// <summary>
/// The tests' future dates (jobs, contracts, periods from December 2026) moved by whole months when
/// the test clock starts later (PARTAGE_TEST_NOW), so that they stay ahead of its "today": a job
/// or a contract starts tomorrow at the earliest. At the default clock nothing moves.
/// </summary>
public static class TestDates
{
    public static DateOnly Today { get; } = ParisTime.DateOf(PartageFactory.Now);

    public static int Months { get; } = MonthsAhead();

    public static DateOnly Ahead(DateOnly day) => day.AddMonths(Months);

    /// <summary>A date as the API and the forms take it (yyyy-MM-dd).</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today as the API and the forms take it.</summary>
    public static string TodayText => Text(Today);

    /// <summary>A date (yyyy-MM-dd) or a month (yyyy-MM) moved ahead.</summary>
    public static string Ahead(string text) => text.Length == 7
        ? Ahead(DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Ahead(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int MonthsAhead()
    {
        var months = 0;
        while (new DateOnly(2026, 12, 1).AddMonths(months) <= Today)
        {
            months++;
        }

        return months;
    }
}
