using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record RefuseLeaseInput(string? Reason);

/// <summary>The activity's manager or finance refuses a request, with a reason the member reads on the request and in their notice.</summary>
public sealed class RefuseLease(PartageDbContext db, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, RefuseLeaseInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lease = await LeaseDecisions.ReviewableAsync(db, id, actor, ct);
        var v = new Validation();
        var reason = v.Required(nameof(input.Reason), "Le motif du refus", input.Reason, 500);
        v.ThrowIfInvalid();
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Requested);
        lease.Status = LeaseStatus.Refused;
        lease.RefusalReason = reason;
        lease.ClosedOn = clock.Today();
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Votre demande de matériel {lease.Number} n'est pas accordée : {reason}", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.refused", "lease", lease.Id.ToString(), new { Status = LeaseStatus.Requested }, new { Status = LeaseStatus.Refused, reason });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/refuse", async (Guid id, RefuseLeaseInput input, RefuseLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("RefuseLease").WithSummary("Refuser une demande de matériel avec un motif (gestionnaire de l'antenne, finance)").ProducesProblems();
}
