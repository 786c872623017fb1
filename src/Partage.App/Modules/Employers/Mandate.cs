using Partage.Kernel;

namespace Partage.App.Modules.Employers;

/// <summary>
/// Partial: hiring declarations (DPAE), contracts, payslips and certificates, advance of net wages
/// and of the employer's costs. Complete: all of that plus the social declarations and the advance
/// of the contributions.
/// </summary>
public enum MandateKind
{
    Partial,
    Complete,
}

/// <summary>
/// A payroll mandate an employer signs with the cooperative. It is valid by calendar year: the
/// first period runs from the signature to the next 31 December, then it renews on each 1 January
/// until it is terminated; the termination date is its last day.
/// </summary>
public sealed class Mandate
{
    public Guid Id { get; init; }

    public EmployerId EmployerId { get; init; }

    public MandateKind Kind { get; init; }

    public DateOnly SignedOn { get; init; }

    public string SignedBy { get; init; } = string.Empty;

    public DateOnly? TerminatedOn { get; set; }

    public string? TerminationReason { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>The periods the mandate has covered and covers as of <paramref name="today"/>: the history, the current year included.</summary>
    public IReadOnlyList<DateRange> Periods(DateOnly today) => MandatePeriods.Of(SignedOn, TerminatedOn, today);

    /// <summary>Whether every day of a contract falls within the mandate (its periods follow each other without a gap).</summary>
    public bool Covers(DateOnly start, DateOnly end) => start >= SignedOn && (TerminatedOn is not { } last || end <= last);
}

public static class MandatePeriods
{
    public static IReadOnlyList<DateRange> Of(DateOnly signedOn, DateOnly? terminatedOn, DateOnly today)
    {
        var periods = new List<DateRange>();
        var last = terminatedOn ?? new DateOnly(Math.Max(today.Year, signedOn.Year), 12, 31);
        for (var start = signedOn; start <= last; start = new DateOnly(start.Year + 1, 1, 1))
        {
            var yearEnd = new DateOnly(start.Year, 12, 31);
            periods.Add(new DateRange(start, yearEnd < last ? yearEnd : last));
        }

        return periods;
    }
}
