using Partage.Kernel;

namespace Partage.Payroll;

/// <summary>The part of a contract that falls in one calendar month: what that month's payslip is computed on.</summary>
public sealed record ContractMonth(DateOnly From, DateOnly To, decimal? Hours, int? Cachets, long GrossCents)
{
    public string Period => $"{From.Year:D4}-{From.Month:D2}";

    /// <summary>The calendar days of the contract in the month.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The days actually worked in the month when the contract says them (a technician's daily ceiling counts those); null: every day.</summary>
    public int? WorkedDays { get; init; }
}

/// <summary>
/// A contract longer than a month is paid by month: one payslip at each month end and one at the
/// end of the service. The agreed hours and gross are spread in proportion to the calendar days
/// of the contract in each month, the last month taking what rounding left, so that the months
/// add up exactly to what was agreed. Cachets and worked days are whole: each month has its
/// share rounded down, the last month the rest.
/// </summary>
public static class ContractMonths
{
    public static IReadOnlyList<ContractMonth> Split(DateOnly start, DateOnly end, decimal? hours, int? cachets, long grossCents, int? workedDays = null)
    {
        if (end < start)
        {
            throw new ArgumentException("The contract ends before it starts.", nameof(end));
        }

        var total = end.DayNumber - start.DayNumber + 1;
        var months = new List<ContractMonth>();
        var (hoursLeft, cachetsLeft, grossLeft, daysLeft) = (hours, cachets, grossCents, workedDays);
        for (var from = start; from <= end;)
        {
            var monthEnd = new DateOnly(from.Year, from.Month, 1).AddMonths(1).AddDays(-1);
            var to = monthEnd < end ? monthEnd : end;
            if (to == end)
            {
                months.Add(new ContractMonth(from, to, hoursLeft, cachetsLeft, grossLeft) { WorkedDays = daysLeft });
                break;
            }

            var share = (to.DayNumber - from.DayNumber + 1) / (decimal)total;
            var monthHours = hours is { } h ? Rounding.ToDecimals(h * share, 2) : (decimal?)null;
            var monthCachets = cachets is { } c ? (int)decimal.Floor(c * share) : (int?)null;
            var monthGross = Rounding.ToCents(grossCents * share / 100m);
            var monthDays = workedDays is { } w ? (int)decimal.Floor(w * share) : (int?)null;
            months.Add(new ContractMonth(from, to, monthHours, monthCachets, monthGross) { WorkedDays = monthDays });
            (hoursLeft, cachetsLeft, grossLeft, daysLeft) = (hoursLeft - monthHours, cachetsLeft - monthCachets, grossLeft - monthGross, daysLeft - monthDays);
            from = to.AddDays(1);
        }

        return months;
    }
}
