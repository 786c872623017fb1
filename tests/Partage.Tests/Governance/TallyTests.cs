using Partage.App.Modules.Governance;

namespace Partage.Tests.Governance;

/// <summary>Weighted counts worked out by hand: three colleges weighted 50/30/20, one under its quorum, a proxy, an abstention, a blank vote.</summary>
public class TallyTests
{
    // College A (50 %, 10 shareholders): 6 voted, one of them by proxy. B (30 %, 5): 3 voted. C (20 %, 10): 1 voted — 10 %, under
    // the quorum of one fifth (first call), so C is not counted and its weight is shared by A and B: 50/80 = 62.5 %, 30/80 = 37.5 %.
    private static readonly IReadOnlyList<CollegeRoll> Roll =
    [
        new("A", "Usagers", 50, 10, 6),
        new("B", "Salariés", 30, 5, 3),
        new("C", "Partenaires", 20, 10, 1),
    ];

    [Fact]
    public void OrdinaryResolution_CollegeUnderQuorumLeftOut_AbstentionAndBlankNotCast_AdoptedAt68_75()
    {
        // A: 4 for, 1 against, 1 abstention → 4/5 = 80 % of the votes cast. B: 1 for, 1 against, 1 blank → 1/2 = 50 %.
        // Weighted: 62.5 % × 80 % + 37.5 % × 50 % = 50 % + 18.75 % = 68.75 % > 50 %.
        var result = AssemblyTally.Count(ResolutionKind.Ordinary, Fraction.Parse("1/5"), Fraction.Parse(">1/2"), Roll,
            [new("A", 4, 1, 1, 0), new("B", 1, 1, 0, 1), new("C", 1, 0, 0, 0)]);
        Assert.True(result.QuorumReached);   // 10 of 25 = 40 % ≥ 20 %
        Assert.Equal([true, true, false], result.Colleges.Select(c => c.Counted));
        Assert.Equal("participation sous le quorum", result.Colleges[2].NotCountedBecause);
        Assert.Equal([80m, 50m, 100m], result.Colleges.Select(c => c.ForPercent));
        Assert.Equal([62.5m, 37.5m, 0m], result.Colleges.Select(c => c.EffectiveWeightPercent));
        Assert.Equal(68.75m, result.WeightedForPercent);
        Assert.True(result.Adopted);
        Assert.Equal("Adoptée", result.Outcome);
    }

    [Fact]
    public void ExtraordinaryResolution_TwoThirdsInOneCollegeNotInTheOther_RejectedAt64_58()
    {
        // Quorum one quarter on first call: A 60 %, B 60 % count; C 10 % does not.
        // A: 5 for, 1 against → 83.33 % (reaches two-thirds). B: 1 for, 2 against → 33.33 % (does not).
        // Weighted: 62.5 % × 5/6 + 37.5 % × 1/3 = 52.083 % + 12.5 % = 64.583 % < 66.67 %.
        var result = AssemblyTally.Count(ResolutionKind.Extraordinary, Fraction.Parse("1/4"), Fraction.Parse(">=2/3"), Roll,
            [new("A", 5, 1, 0, 0), new("B", 1, 2, 0, 0), new("C", 0, 1, 0, 0)]);
        Assert.Equal([83.33m, 33.33m], result.Colleges.Take(2).Select(c => c.ForPercent));
        Assert.Equal(64.58m, result.WeightedForPercent);
        Assert.False(result.Adopted);
        Assert.Equal("Rejetée", result.Outcome);
    }

    [Fact]
    public void ExactlyTwoThirds_IsAdopted_TheComparisonIsMadeOnWholeNumbers()
    {
        // A: 4 for, 2 against = 2/3; B: 2 for, 1 against = 2/3 → exactly 2/3 weighted, which decimal division would print 66.67 and might miss.
        var result = AssemblyTally.Count(ResolutionKind.Extraordinary, Fraction.Parse("1/4"), Fraction.Parse(">=2/3"), Roll,
            [new("A", 4, 2, 0, 0), new("B", 2, 1, 0, 0)]);
        Assert.True(result.Adopted);
        Assert.Equal(66.67m, result.WeightedForPercent);

        // One half exactly is not "more than half".
        var half = AssemblyTally.Count(ResolutionKind.Ordinary, Fraction.Parse("1/5"), Fraction.Parse(">1/2"), Roll, [new("A", 3, 3, 0, 0), new("B", 1, 1, 1, 0)]);
        Assert.False(half.Adopted);
        Assert.Equal(50m, half.WeightedForPercent);
    }

    [Fact]
    public void UnderTheAssemblyQuorum_NothingIsDecided_OnSecondCallNoQuorumApplies()
    {
        IReadOnlyList<CollegeRoll> few = [new("A", "Usagers", 50, 10, 2), new("B", "Salariés", 30, 5, 1), new("C", "Partenaires", 20, 10, 1)];
        IReadOnlyList<CollegeCount> votes = [new("A", 2, 0, 0, 0), new("B", 1, 0, 0, 0), new("C", 0, 1, 0, 0)];
        var first = AssemblyTally.Count(ResolutionKind.Ordinary, Fraction.Parse("1/5"), Fraction.Parse(">1/2"), few, votes);   // 4 of 25 = 16 %
        Assert.False(first.QuorumReached);
        Assert.False(first.Adopted);
        Assert.Equal("Non délibérée : quorum non atteint", first.Outcome);

        // Second call: no quorum; every college that cast a vote counts: 50 % × 100 % + 30 % × 100 % + 20 % × 0 % = 80 %.
        var second = AssemblyTally.Count(ResolutionKind.Ordinary, Fraction.Parse("0/1"), Fraction.Parse(">1/2"), few, votes);
        Assert.True(second.Adopted);
        Assert.Equal(80m, second.WeightedForPercent);
    }

    [Fact]
    public void TheStatutesColleges_RespectTheLaw_EachBetween10And50Percent_Summing100()
    {
        foreach (var entity in Statutes.Entities)
        {
            var colleges = Statutes.CollegesOn(entity, new DateOnly(2026, 12, 1));
            Assert.Equal(100, colleges.Sum(c => c.WeightPercent));
            Assert.All(Statutes.Categories, c => Assert.Single(colleges, college => college.Categories.Contains(c.Number)));
            if (colleges.Count > 1)
            {
                Assert.All(colleges, c => Assert.InRange(c.WeightPercent, 10, 50));   // loi n° 47-1775, art. 19 octies
            }
        }

        Assert.Equal(9, Statutes.Categories.Count);
        Assert.Equal(3000, Statutes.Number("SCIC", Statutes.SharesNominal, new DateOnly(2026, 12, 1)));
        Assert.All(Statutes.Settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
    }
}
