using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

/// <summary>One line of a repayment schedule: what is due on a day, split into the financing cost and the capital repaid.</summary>
public sealed record ScheduleRow(int Number, DateOnly DueOn, long InstalmentCents, long InterestCents, long CapitalCents, long RemainingCents);

/// <summary>
/// The repayment schedule of a lease. With a rate, French amortisation ("amortissement à échéances constantes"): the
/// constant instalment A = C·r / (1 − (1 + r)^−n) with r the annual rate over twelve, rounded to the cent; each month's
/// interest is the remaining capital × r rounded to the cent, the capital repaid is A minus that interest, and the last
/// instalment repays whatever capital remains (it absorbs the rounding), so that the capital column sums to the capital
/// exactly and the instalments to capital + interest. Without a rate, the capital over n rounded to the cent, the last
/// instalment absorbing the difference (1,000 EUR over 7 months: six of 142.86 and one of 142.84). A fixed monthly fee,
/// when the terms have one instead of a rate, is added to each instalment as its financing cost.
/// </summary>
public static class LeaseSchedule
{
    public static IReadOnlyList<ScheduleRow> Compute(long capitalCents, int months, decimal annualRatePercent, long monthlyFeeCents, DueDates dates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capitalCents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(annualRatePercent);
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyFeeCents);
        var rate = annualRatePercent / 100m / 12m;
        var constant = ConstantInstalmentCents(capitalCents, months, rate);
        var rows = new List<ScheduleRow>(months);
        var remaining = capitalCents;
        for (var k = 1; k <= months; k++)
        {
            var interest = Rounding.ToCents(remaining / 100m * rate);
            // Before the last month the capital repaid never exceeds what remains (a rate near zero and a tiny capital).
            var capital = k == months ? remaining : Math.Min(remaining, constant - interest);
            remaining -= capital;
            rows.Add(new ScheduleRow(k, dates.Nth(k), capital + interest + monthlyFeeCents, interest + monthlyFeeCents, capital, remaining));
        }

        return rows;
    }

    /// <summary>The constant instalment before any fee, in cents: the capital over n without a rate, the annuity with one.</summary>
    public static long ConstantInstalmentCents(long capitalCents, int months, decimal monthlyRate)
    {
        var capital = capitalCents / 100m;
        if (monthlyRate == 0)
        {
            return Rounding.ToCents(capital / months);
        }

        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1 + monthlyRate;
        }

        return Rounding.ToCents(capital * monthlyRate / (1 - (1 / growth)));
    }
}

/// <summary>
/// The due dates of a schedule: the first due date, then the same day of each following month; a month without that day
/// (the 29th, 30th or 31st) takes its last day, and the next months come back to the chosen day — a lease due on 31 January
/// is next due on 28 February (29 in a leap year), then 31 March, 30 April. Each date is computed from the first, never
/// from the one before, so a short month never drags the following ones. A pause adds months before the remaining dues.
/// </summary>
public readonly record struct DueDates(DateOnly First, int Day)
{
    public static DueDates From(DateOnly first) => new(first, first.Day);

    /// <summary>The k-th due date (1 = the first), <paramref name="shift"/> months later when the lease was paused.</summary>
    public DateOnly Nth(int k, int shift = 0)
    {
        var month = new DateOnly(First.Year, First.Month, 1).AddMonths(k - 1 + shift);
        return new DateOnly(month.Year, month.Month, Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month)));
    }
}
