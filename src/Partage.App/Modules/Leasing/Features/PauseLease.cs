using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record PauseLeaseInput(string? Months, string? Reason);

/// <summary>
/// Finance pauses a lease (a season without work, an illness): every instalment still to come moves the given number of
/// months later, so that the months are added at the end; amounts do not change (no interest runs on the pause). The
/// moved instalments will be pre-notified again before their new dates.
/// </summary>
public sealed class PauseLease(PartageDbContext db, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public const int MaxMonths = 6;

    public async Task<LeaseView> HandleAsync(LeaseId id, PauseLeaseInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var months = v.Decimal(nameof(input.Months), "La durée de la pause", input.Months, required: true);
        if (months is { } m && (m != decimal.Truncate(m) || m < 1 || m > MaxMonths))
        {
            v.Add(nameof(input.Months), $"La durée de la pause est un nombre entier de mois, de 1 à {MaxMonths}.");
        }

        var reason = v.Required(nameof(input.Reason), "Le motif de la pause", input.Reason, 300);
        v.ThrowIfInvalid();
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Active);
        var today = clock.Today();
        var shift = lease.PausedMonths + (int)months!.Value;
        var coming = await db.Set<LeaseInstalment>().Where(i => i.LeaseId == lease.Id && i.Status == InstalmentStatus.Due && i.DueOn > today).ToListAsync(ct);
        foreach (var i in coming)
        {
            i.DueOn = lease.Terms!.Dates.Nth(i.Number, shift);
            i.PrenotifiedOn = null;
        }

        lease.PausedMonths = shift;
        lease.Touch();
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Le matériel {lease.Number} est en pause {French.Count((int)months.Value, "mois")} : les échéances à venir sont décalées", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.paused", "lease", lease.Id.ToString(), null, new { Months = (int)months.Value, reason, Moved = coming.Count, lease.PausedMonths });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/pause", async (Guid id, PauseLeaseInput input, PauseLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("PauseLease").WithSummary("Mettre un contrat en pause : les échéances à venir sont décalées d'autant de mois (finance)").ProducesProblems();
}
