using System.Numerics;
using Partage.Kernel;

namespace Partage.App.Modules.Governance;

/// <summary>A college on an assembly's roll: its weight in the statutes, who may vote in it, who voted (themselves or by proxy).</summary>
public sealed record CollegeRoll(string Code, string Label, int WeightPercent, int Eligible, int Present);

/// <summary>A resolution's ballots in one college.</summary>
public sealed record CollegeCount(string College, int For, int Against, int Abstain, int Blank)
{
    /// <summary>The votes cast ("voix exprimées"): abstentions and blank ballots are not (loi n° 2019-744).</summary>
    public int Cast => For + Against;
}

/// <summary>
/// A resolution's result in one college: counted or not (and why), the share of its votes cast that were for, and the
/// weight it had once the weights of the colleges not counted were shared out.
/// </summary>
public sealed record CollegeResult(
    string College, string Label, int WeightPercent, int Eligible, int Present, int For, int Against, int Abstain, int Blank, bool Counted, string? NotCountedBecause,
    decimal ForPercent, decimal EffectiveWeightPercent);

public sealed record ResolutionResult(
    ResolutionKind Kind, Fraction Quorum, Fraction Majority, bool QuorumReached, IReadOnlyList<CollegeResult> Colleges, decimal WeightedForPercent, bool Adopted)
{
    public string Outcome => !QuorumReached ? "Non délibérée : quorum non atteint"
        : Colleges.All(c => !c.Counted) ? "Rejetée : aucune voix exprimée"
        : Adopted ? "Adoptée" : "Rejetée";
}

/// <summary>
/// The count of a resolution, one person one vote weighted by college (loi n° 47-1775, art. 19 octies):
/// the assembly deliberates when the shareholders present or represented reach the quorum of the resolution's kind and
/// call; in each college the share of the votes cast that are for; a college counts when its own turnout reaches the
/// same quorum and it cast at least one vote — otherwise its weight is shared among the counted colleges in proportion
/// to their weights (the statutes' rule); the weighted share of "for" is then compared with the majority, exactly (no
/// rounding decides: the comparison is made on whole numbers; the percentages shown are rounded to two decimals).
/// </summary>
public static class AssemblyTally
{
    public static ResolutionResult Count(ResolutionKind kind, Fraction quorum, Fraction majority, IReadOnlyList<CollegeRoll> roll, IReadOnlyList<CollegeCount> counts)
    {
        ArgumentNullException.ThrowIfNull(roll);
        ArgumentNullException.ThrowIfNull(counts);
        var eligible = roll.Sum(c => c.Eligible);
        var quorumReached = eligible > 0 && quorum.ReachedBy(roll.Sum(c => c.Present), eligible);
        var rows = roll.Select(c =>
        {
            var n = counts.FirstOrDefault(x => x.College == c.Code) ?? new CollegeCount(c.Code, 0, 0, 0, 0);
            var why = c.Eligible == 0 ? "aucun sociétaire" : !quorum.ReachedBy(c.Present, c.Eligible) ? "participation sous le quorum" : n.Cast == 0 ? "aucune voix exprimée" : null;
            return (Roll: c, Count: n, Counted: why is null, Why: why);
        }).ToList();
        var counted = rows.Where(r => r.Counted).ToList();
        var totalWeight = counted.Sum(r => r.Roll.WeightPercent);

        // Σ w·F/K over Σ w, compared with the majority on whole numbers: multiply through by every counted college's cast votes.
        var product = counted.Aggregate(BigInteger.One, (p, r) => p * r.Count.Cast);
        var part = counted.Aggregate(BigInteger.Zero, (s, r) => s + r.Roll.WeightPercent * r.Count.For * (product / r.Count.Cast));
        var whole = totalWeight * product;
        var adopted = quorumReached && counted.Count > 0 && majority.ReachedBy(part, whole);
        var weighted = counted.Count == 0 ? 0m : counted.Sum(r => (decimal)r.Roll.WeightPercent * r.Count.For / r.Count.Cast) * 100m / totalWeight;
        var results = rows.Select(r => new CollegeResult(
            r.Roll.Code, r.Roll.Label, r.Roll.WeightPercent, r.Roll.Eligible, r.Roll.Present, r.Count.For, r.Count.Against, r.Count.Abstain, r.Count.Blank, r.Counted, r.Why,
            r.Count.Cast == 0 ? 0m : Rounding.ToDecimals(100m * r.Count.For / r.Count.Cast, 2),
            r.Counted ? Rounding.ToDecimals(100m * r.Roll.WeightPercent / totalWeight, 2) : 0m)).ToList();
        return new ResolutionResult(kind, quorum, majority, quorumReached, results, Rounding.ToDecimals(weighted, 2), adopted);
    }
}
