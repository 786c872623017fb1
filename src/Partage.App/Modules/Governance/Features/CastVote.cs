using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>A choice for each resolution of the agenda (For, Against, Abstain, Blank); staff recording a vote in the room name the shareholder.</summary>
public sealed record CastVoteInput(IReadOnlyDictionary<string, string>? Choices, string? ForShareholderId = null);

/// <summary>What the voter keeps: a code that proves their voice was counted (not how), and when.</summary>
public sealed record VoteReceipt(string Code, DateTime At, int Voices, IReadOnlyList<string> Names);

/// <summary>
/// A vote, online in the window or in the room (recorded by governance staff): the voter's own voice, if not given by
/// proxy, and the voices they hold by proxy, each counted in its own college. Each voice is marked cast only if it was
/// not already (one conditional update: a double click, a retry or a second server finds it cast, and nothing is
/// counted twice — 409); then each resolution's count for that college and choice goes up by one. Secret resolutions
/// keep nothing else; open ones also keep the vote by name.
/// </summary>
public sealed class CastVote(PartageDbContext db, ShareRegister register, AssemblyViews views, IAuditLog audit, TimeProvider clock)
{
    public async Task<VoteReceipt> HandleAsync(AssemblyId id, CastVoteInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var staff = GovernanceAccess.IsStaff(actor);
        var assembly = await views.Visible(actor).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        var resolutions = await db.Set<Resolution>().AsNoTracking().Where(r => r.AssemblyId == id).OrderBy(r => r.Number).ToListAsync(ct);
        var v = new Validation();
        // In the room, the shareholder by id (API) or by their number in the register (what staff type).
        var number = staff ? ShareRegister.NumberIn(input.ForShareholderId) : null;
        var inRoom = staff && number is null ? v.Id<ShareholderId>(nameof(input.ForShareholderId), "Le sociétaire qui vote en séance", input.ForShareholderId, required: !actor.MemberId.HasValue) : null;
        var choices = Choices(v, resolutions, input.Choices);
        v.ThrowIfInvalid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (assembly.Status != AssemblyStatus.Convened || now < assembly.VotingOpensAt || now >= assembly.VotingClosesAt)
        {
            throw new DomainException(GovernanceErrors.VotingClosed);
        }

        if (number is { } registered)
        {
            inRoom = await register.ByNumberAsync(assembly.LegalEntityId, registered, nameof(input.ForShareholderId), ct);
        }

        var self = inRoom is { } present
            ? await db.Set<AssemblyVoter>().AsNoTracking().SingleOrDefaultAsync(x => x.AssemblyId == id && x.ShareholderId == present, ct)
            : await db.Set<AssemblyVoter>().AsNoTracking().SingleOrDefaultAsync(x => x.AssemblyId == id && actor.MemberId != null && x.MemberId == actor.MemberId, ct);
        if (self is null)
        {
            throw new DomainException(GovernanceErrors.NotOnRoll);
        }

        var voices = await db.Set<AssemblyVoter>().AsNoTracking()
            .Where(x => x.AssemblyId == id && x.VotedAt == null && (x.Id == self.Id && x.ProxyHolderId == null || x.ProxyHolderId == self.ShareholderId)).ToListAsync(ct);
        if (voices.Count == 0)
        {
            throw new DomainException(GovernanceErrors.AlreadyVoted, self.ProxyHolderId is null ? null : "Vous avez donné pouvoir : votre voix est exprimée par le sociétaire qui le détient.");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        var receipt = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var voice in voices)
        {
            await CountAsync(voice, self, inRoom is not null ? $"en séance, saisi par {actor.Name}" : voice.Id == self.Id ? "en ligne" : $"en ligne, par procuration de {self.Name}",
                receipt, now, resolutions, choices, ct);
        }

        // The audit says who voted and when, never what (it would undo the secret ballot).
        audit.Record(actor, "governance.voted", "assembly", id.ToString(), null, new { Voices = voices.Count, Receipt = receipt });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new VoteReceipt(code, now, voices.Count, voices.Select(x => x.Name).ToList());
    }

    /// <summary>A choice for every resolution, by its id (or its number), or a message for each one missing.</summary>
    private static Dictionary<Guid, VoteChoice> Choices(Validation v, IReadOnlyList<Resolution> resolutions, IReadOnlyDictionary<string, string>? given)
    {
        var choices = new Dictionary<Guid, VoteChoice>();
        foreach (var resolution in resolutions)
        {
            var text = given?.GetValueOrDefault(resolution.Id.ToString()) ?? given?.GetValueOrDefault(resolution.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (v.Enum<VoteChoice>($"Choices[{resolution.Id}]", $"Le vote sur la résolution {resolution.Number}", text, required: true) is { } choice)
            {
                choices[resolution.Id] = choice;
            }
        }

        return choices;
    }

    /// <summary>One voice: marked cast if it was not (else 409, and the transaction undoes the others), then one more in each resolution's count for its college.</summary>
    private async Task CountAsync(
        AssemblyVoter voice, AssemblyVoter self, string castBy, string receipt, DateTime now, IReadOnlyList<Resolution> resolutions, Dictionary<Guid, VoteChoice> choices, CancellationToken ct)
    {
        var marked = await db.Set<AssemblyVoter>().Where(x => x.Id == voice.Id && x.VotedAt == null && (x.ProxyHolderId == null || x.ProxyHolderId == self.ShareholderId && x.Id != self.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.VotedAt, now).SetProperty(x => x.CastBy, castBy).SetProperty(x => x.ReceiptHash, receipt).SetProperty(x => x.RowVersion, x => x.RowVersion + 1), ct);
        if (marked == 0)
        {
            throw new DomainException(GovernanceErrors.AlreadyVoted);
        }

        foreach (var resolution in resolutions)
        {
            var choice = choices[resolution.Id];
            await db.Set<BallotCount>().Where(b => b.ResolutionId == resolution.Id && b.College == voice.College && b.Choice == choice)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Count, b => b.Count + 1), ct);
            if (!resolution.Secret)
            {
                db.Add(new OpenVote { ResolutionId = resolution.Id, ShareholderId = voice.ShareholderId, Choice = choice });
            }
        }
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies/{id:guid}/votes", async (Guid id, CastVoteInput input, CastVote handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("CastVote").WithSummary("Voter (en ligne pour soi et ses pouvoirs ; en séance, saisi par la gouvernance)").ProducesProblems();
}
