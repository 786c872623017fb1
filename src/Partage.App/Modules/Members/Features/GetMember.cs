using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>One member's record, within the actor's scope (404 otherwise).</summary>
public sealed class GetMember(PartageDbContext db, IOfficesApi offices)
{
    public async Task<MemberView> HandleAsync(MemberId id, Actor actor, CancellationToken ct = default)
    {
        var member = await db.Set<Member>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !MembersAccess.CanRead(actor, member))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        var office = await offices.FindOfficeAsync(member.OfficeId, ct);
        var manager = member.ManagerId is { } m ? await offices.FindManagerAsync(m, ct) : null;
        return MemberView.From(member, office?.Name, manager?.FullName);
    }

    public static void Map(RouteGroupBuilder members)
    {
        members.MapGet("/me", async (GetMember handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await handler.HandleAsync(actor.MemberId ?? actor.ApplicantId ?? throw new DomainException(MembersErrors.NotFound), actor, ct);
            })
            .WithName("GetMyMemberProfile").WithSummary("Le profil du membre connecté (ou sa demande d'adhésion en attente)");
        members.MapGet("/{id:guid}", async (Guid id, GetMember handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new MemberId(id), await actors.GetAsync(ct), ct))
            .WithName("GetMember").WithSummary("Un membre");
    }
}
