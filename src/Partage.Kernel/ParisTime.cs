namespace Partage.Kernel;

/// <summary>
/// The one place where instants become legal dates and displayed times. French law dates an
/// invoice, a contract or a payslip in France: between midnight and 1 or 2 a.m. in Paris the UTC
/// date is still yesterday's, which would date an invoice in the wrong day, year and series.
/// Every legal "today" is therefore the Europe/Paris date of the injected <see cref="TimeProvider"/>
/// (never the machine's clock), and every instant shown to a person is Paris time.
/// </summary>
public static class ParisTime
{
    /// <summary>Europe/Paris from the system's tz database (Debian package tzdata; ICU on Windows maps the IANA name).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today's date in Paris according to <paramref name="clock"/>.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The Paris calendar date of an instant.</summary>
#pragma warning disable RS0030 // the one allowed conversion: the Paris wall-clock date
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
#pragma warning restore RS0030

    /// <summary>The Paris calendar date of a UTC instant stored as <see cref="DateTime"/> (Kind Utc or Unspecified, as EF reads it).</summary>
    public static DateOnly DateOf(DateTime utc) => DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>A stored UTC instant as the wall-clock time in Paris, for display.</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A stored UTC instant as the wall-clock time in Paris, for display.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instant a Paris day starts: stored UTC instants are selected by Paris days from it.</summary>
    public static DateTime UtcStartOf(DateOnly day) => EndOf(day.AddDays(-1)).UtcDateTime;

    /// <summary>The instant a Paris day ends (the next day's midnight in Paris), e.g. when a quote valid "until" that day expires.</summary>
    public static DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
