namespace Partage.Kernel;

/// <summary>An inclusive range of legal dates (a contract from the 1st to the 15th covers 15 days).</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"La date de fin ({end:yyyy-MM-dd}) précède la date de début ({start:yyyy-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>Number of calendar days, both ends included.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    /// <summary>The common part of two ranges, or null when they do not overlap.</summary>
    public DateRange? Intersect(DateRange other) =>
        Overlaps(other)
            ? new DateRange(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End)
            : null;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
