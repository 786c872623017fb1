using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record DeclareLeaseDefaultInput(string? Recovery);

/// <summary>
/// Finance declares a lease in default once its unpaid instalments reach the number in force (a dated setting): the
/// instalments to come are cancelled, the unpaid ones stay owed, and the recovery of the equipment (the cooperative's
/// property) is recorded — when, where, in what state.
/// </summary>
public sealed class DeclareLeaseDefault(PartageDbContext db, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, DeclareLeaseDefaultInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var recovery = v.Required(nameof(input.Recovery), "La récupération du matériel (date, lieu, état)", input.Recovery, 400);
        v.ThrowIfInvalid();
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Active);
        var today = clock.Today();
        var lines = await db.Set<LeaseInstalment>().Where(i => i.LeaseId == lease.Id && (i.Status == InstalmentStatus.Due || i.Status == InstalmentStatus.Unpaid)).ToListAsync(ct);
        var threshold = LeasingTerms.Whole(LeasingTerms.ArrearsDefaultInstalments, today);
        var unpaid = lines.Count(i => i.Status == InstalmentStatus.Unpaid);
        if (unpaid < threshold)
        {
            throw new DomainException(LeasingErrors.NoArrears, $"{French.Count(unpaid, "échéance impayée")} : le défaut se prononce à partir de {threshold}.");
        }

        foreach (var i in lines.Where(i => i.Status == InstalmentStatus.Due))
        {
            i.Status = InstalmentStatus.Cancelled;
        }

        lease.Status = LeaseStatus.Defaulted;
        lease.ClosedOn = today;
        lease.ClosingNote = $"Défaut ({French.Count(unpaid, "échéance impayée")}, {Money.Eur(lines.Where(i => i.Status == InstalmentStatus.Unpaid).Sum(i => i.AmountCents)).ToDisplayString()} restant dus) ; matériel récupéré : {recovery}";
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Le contrat de matériel {lease.Number} est en défaut : le matériel revient à la coopérative", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.defaulted", "lease", lease.Id.ToString(), new { Status = LeaseStatus.Active }, new { Status = LeaseStatus.Defaulted, unpaid, recovery });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/default", async (Guid id, DeclareLeaseDefaultInput input, DeclareLeaseDefault handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("DeclareLeaseDefault").WithSummary("Prononcer le défaut d'un contrat aux impayés au-delà du seuil, et la récupération du matériel (finance)").ProducesProblems();
}
