using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

public sealed record CollegeTurnout(string Code, string Label, int WeightPercent, int Eligible, int Present)
{
    public decimal Percent => Eligible == 0 ? 0m : Rounding.ToDecimals(100m * Present / Eligible, 2);
}

public sealed record ResolutionDocumentView(Guid Id, string Name, long Size);

public sealed record ResolutionView(Guid Id, int Number, string Title, string Text, ResolutionKind Kind, bool Secret, ResolutionResult? Result)
{
    public IReadOnlyList<ResolutionDocumentView> Documents { get; init; } = [];
}

/// <summary>A voice on the roll, as its owner (or the holder of their proxy) sees it.</summary>
public sealed record VoterView(ShareholderId Shareholder, string Name, string College, bool Voted, DateTime? VotedAt, string? CastBy, ShareholderId? ProxyHolder);

/// <summary>What the member looking at the assembly may do: their own voice, and the voices they hold by proxy.</summary>
public sealed record MyVoices(VoterView Self, IReadOnlyList<VoterView> Represented)
{
    public bool CanVote => !Self.Voted && Self.ProxyHolder is null || Represented.Any(r => !r.Voted);
}

public sealed record AssemblyView(
    AssemblyId Id, string EntityCode, string Number, AssemblyKind Kind, string KindLabel, int Call, string Title, string Place, DateTime MeetingAt, DateTime VotingOpensAt,
    DateTime VotingClosesAt, AssemblyStatus Status, string StatusLabel, int ProxyLimit, IReadOnlyList<College> Colleges, IReadOnlyList<ResolutionView> Resolutions,
    int Eligible, int Present, int Proxies, IReadOnlyList<CollegeTurnout> Turnout, DateTime? ConvenedAt, DateTime? ClosedAt, string? ClosedBy, MyVoices? Me)
{
    public bool VotingOpenAt(DateTime utc) => Status == AssemblyStatus.Convened && utc >= VotingOpensAt && utc < VotingClosesAt;
}

/// <summary>Builds an assembly's view: the roll's turnout per college (live), and once closed, each resolution's weighted result.</summary>
public sealed class AssemblyViews(PartageDbContext db, ShareRegister register)
{
    public IQueryable<Assembly> Visible(Actor actor)
    {
        var assemblies = db.Set<Assembly>().AsNoTracking();
        if (GovernanceAccess.IsStaff(actor))
        {
            return assemblies;
        }

        var member = actor.MemberId;
        var mine = db.Set<AssemblyVoter>().Where(v => member != null && v.MemberId == member).Select(v => v.AssemblyId);
        return assemblies.Where(a => a.Status != AssemblyStatus.Draft && mine.Contains(a.Id));
    }

    public async Task<AssemblyView> OfAsync(AssemblyId id, Actor actor, CancellationToken ct)
    {
        var assembly = await Visible(actor).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        var code = await register.EntityCodeAsync(assembly.LegalEntityId, ct);
        var day = ParisTime.DateOf(assembly.MeetingAt);
        var colleges = Statutes.CollegesOn(code, day);
        var resolutions = await db.Set<Resolution>().AsNoTracking().Where(r => r.AssemblyId == id).OrderBy(r => r.Number).ToListAsync(ct);
        var voters = await db.Set<AssemblyVoter>().AsNoTracking().Where(v => v.AssemblyId == id).ToListAsync(ct);
        var turnout = colleges.Select(c => new CollegeTurnout(c.Code, c.Label, c.WeightPercent, voters.Count(v => v.College == c.Code), voters.Count(v => v.College == c.Code && v.VotedAt != null))).ToList();
        var roll = turnout.Select(t => new CollegeRoll(t.Code, t.Label, t.WeightPercent, t.Eligible, t.Present)).ToList();
        var counts = assembly.Status == AssemblyStatus.Closed
            ? (await db.Set<BallotCount>().AsNoTracking().Where(b => resolutions.Select(r => r.Id).Contains(b.ResolutionId)).ToListAsync(ct)).ToLookup(b => b.ResolutionId)
            : null;
        var resolutionIds = resolutions.Select(r => r.Id).ToList();
        var documents = (await db.Set<ResolutionDocument>().AsNoTracking().Where(d => resolutionIds.Contains(d.ResolutionId)).ToListAsync(ct)).OrderBy(d => d.AddedAt).ToLookup(d => d.ResolutionId);
        var views = resolutions.Select(r => new ResolutionView(r.Id, r.Number, r.Title, r.Text, r.Kind, r.Secret, counts is null ? null : Tally(code, assembly, r, roll, counts[r.Id]))
        {
            Documents = documents[r.Id].Select(d => new ResolutionDocumentView(d.Id, d.Name, d.Size)).ToList(),
        }).ToList();
        MyVoices? me = null;
        if (voters.FirstOrDefault(v => actor.MemberId is { } member && v.MemberId == member) is { } self)
        {
            me = new MyVoices(Voice(self), voters.Where(v => v.ProxyHolderId == self.ShareholderId).Select(Voice).ToList());
        }

        return new AssemblyView(assembly.Id, code, assembly.Number, assembly.Kind, GovernanceLabels.Of(assembly.Kind), assembly.Call, assembly.Title, assembly.Place, assembly.MeetingAt,
            assembly.VotingOpensAt, assembly.VotingClosesAt, assembly.Status, GovernanceLabels.Of(assembly.Status), (int)Statutes.Number(code, Statutes.ProxyLimit, day), colleges, views,
            voters.Count, voters.Count(v => v.VotedAt != null), voters.Count(v => v.ProxyHolderId != null), turnout, assembly.ConvenedAt, assembly.ClosedAt, assembly.ClosedBy, me);
    }

    /// <summary>The quorum of the resolution's kind on the assembly's call, its majority, and the weighted count.</summary>
    private static ResolutionResult Tally(string code, Assembly assembly, Resolution resolution, IReadOnlyList<CollegeRoll> roll, IEnumerable<BallotCount> ballots)
    {
        var day = ParisTime.DateOf(assembly.MeetingAt);
        var kind = resolution.Kind == ResolutionKind.Ordinary ? "ordinary" : "extraordinary";
        var quorum = Statutes.Rule(code, $"{kind}_quorum_{(assembly.Call == 1 ? "first" : "second")}", day);
        var majority = Statutes.Rule(code, $"{kind}_majority", day);
        var byCollege = ballots.ToLookup(b => b.College);
        int N(string college, VoteChoice choice) => byCollege[college].Where(b => b.Choice == choice).Sum(b => b.Count);
        return AssemblyTally.Count(resolution.Kind, quorum, majority, roll,
            roll.Select(c => new CollegeCount(c.Code, N(c.Code, VoteChoice.For), N(c.Code, VoteChoice.Against), N(c.Code, VoteChoice.Abstain), N(c.Code, VoteChoice.Blank))).ToList());
    }

    private static VoterView Voice(AssemblyVoter v) => new(v.ShareholderId, v.Name, v.College, v.VotedAt != null, v.VotedAt, v.CastBy, v.ProxyHolderId);
}
