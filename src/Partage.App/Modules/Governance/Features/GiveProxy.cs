using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>The shareholder who gives their proxy (governance staff only; a member gives their own) and the one who receives it.</summary>
public sealed record GiveProxyInput(string? ToShareholderId, string? FromShareholderId = null);

/// <summary>
/// A proxy ("pouvoir") to another shareholder on the roll, before the vote closes: the giver has not voted, the holder
/// has not either, holds fewer proxies than the statutes allow and gave none themselves (no chains). Proxies to one
/// holder are decided one after the other (a serial lock), so two at once never pass the limit.
/// </summary>
public sealed class GiveProxy(PartageDbContext db, ShareRegister register, SerialLocks locks, AssemblyViews views, IAuditLog audit, TimeProvider clock)
{
    public async Task<AssemblyView> HandleAsync(AssemblyId id, GiveProxyInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        // The holder by id (API) or by their number in the register (what a member types from the convocation's list).
        var number = ShareRegister.NumberIn(input.ToShareholderId);
        var to = number is null ? v.Id<ShareholderId>(nameof(input.ToShareholderId), "Le sociétaire qui reçoit le pouvoir", input.ToShareholderId, required: true) : null;
        var staff = GovernanceAccess.IsStaff(actor);
        var from = staff ? v.Id<ShareholderId>(nameof(input.FromShareholderId), "Le sociétaire qui donne pouvoir", input.FromShareholderId, required: true) : null;
        v.ThrowIfInvalid();
        var assembly = await views.Visible(actor).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        to ??= await register.ByNumberAsync(assembly.LegalEntityId, number!.Value, nameof(input.ToShareholderId), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await locks.HoldAsync($"assembly-proxies:{id}:{to}", ct);
        var giver = staff
            ? await db.Set<AssemblyVoter>().SingleOrDefaultAsync(x => x.AssemblyId == id && x.ShareholderId == from, ct)
            : await db.Set<AssemblyVoter>().SingleOrDefaultAsync(x => x.AssemblyId == id && actor.MemberId != null && x.MemberId == actor.MemberId, ct);
        var holder = await db.Set<AssemblyVoter>().AsNoTracking().SingleOrDefaultAsync(x => x.AssemblyId == id && x.ShareholderId == to, ct);
        if (giver is null)
        {
            throw new DomainException(GovernanceErrors.NotOnRoll);
        }

        if (assembly.Status != AssemblyStatus.Convened || clock.GetUtcNow().UtcDateTime >= assembly.VotingClosesAt)
        {
            throw new DomainException(GovernanceErrors.VotingClosed);
        }

        var limit = Statutes.Number(await register.EntityCodeAsync(assembly.LegalEntityId, ct), Statutes.ProxyLimit, ParisTime.DateOf(assembly.MeetingAt));
        var held = await db.Set<AssemblyVoter>().CountAsync(x => x.AssemblyId == id && x.ProxyHolderId == to, ct);
        var refusal = holder is null ? "Le pouvoir se donne à un sociétaire convoqué à cette assemblée."
            : holder.ShareholderId == giver.ShareholderId ? "On ne se donne pas pouvoir à soi-même."
            : giver.VotedAt is not null ? "Votre voix est déjà exprimée : le pouvoir ne sert plus."
            : giver.ProxyHolderId is not null ? "Vous avez déjà donné pouvoir pour cette assemblée."
            : holder.VotedAt is not null ? $"{holder.Name} a déjà voté : son pouvoir ne pourrait plus servir."
            : holder.ProxyHolderId is not null ? $"{holder.Name} a donné pouvoir à un autre sociétaire : un pouvoir ne se transmet pas."
            : held >= limit ? $"{holder.Name} détient déjà {French.Count(held, "pouvoir")} : les statuts en permettent {limit} au plus."
            : null;
        if (refusal is not null)
        {
            throw new DomainException(GovernanceErrors.ProxyRefused, refusal);
        }

        giver.ProxyHolderId = to;
        audit.Record(actor, "governance.proxy_given", "assembly", id.ToString(), null, new { From = giver.ShareholderId.ToString(), To = to.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies/{id:guid}/proxies", async (Guid id, GiveProxyInput input, GiveProxy handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("GiveProxy").WithSummary("Donner pouvoir à un autre sociétaire pour une assemblée").ProducesProblems();
}
