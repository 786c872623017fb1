using System.Globalization;

namespace Partage.Kernel;

/// <summary>A calendar month of payroll ("période de paie"), written 2026-03.</summary>
public readonly record struct PayPeriod : IComparable<PayPeriod>
{
    public PayPeriod(int year, int month)
    {
        if (year is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"Année de paie hors limites : {year}.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"Mois de paie invalide : {month}.");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly Start => new(Year, Month, 1);

    public DateOnly End => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public DateRange Range => new(Start, End);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public PayPeriod Next() => Month == 12 ? new PayPeriod(Year + 1, 1) : new PayPeriod(Year, Month + 1);

    public PayPeriod Previous() => Month == 1 ? new PayPeriod(Year - 1, 12) : new PayPeriod(Year, Month - 1);

    public static PayPeriod Containing(DateOnly date) => new(date.Year, date.Month);

    public static PayPeriod Parse(string text)
    {
        if (TryParse(text, out var period))
        {
            return period;
        }

        throw new FormatException($"Période de paie invalide : « {text} » (attendu AAAA-MM).");
    }

    public static bool TryParse(string? text, out PayPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 1900 or > 2100 || month is < 1 or > 12)
        {
            return false;
        }

        period = new PayPeriod(year, month);
        return true;
    }

    public int CompareTo(PayPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(PayPeriod left, PayPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(PayPeriod left, PayPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(PayPeriod left, PayPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PayPeriod left, PayPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
