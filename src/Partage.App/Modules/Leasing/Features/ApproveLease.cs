using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record ApproveLeaseInput(string? Months, string? FirstDueOn, string? Deposit = null);

/// <summary>
/// The activity's manager or finance approves a request with its terms: the duration, the rate or fee in force today
/// (<see cref="LeasingTerms"/>, recorded on the lease so that a later change does not touch it), the deposit paid up front,
/// and the first due date, whose day of the month the following dues keep (<see cref="DueDates"/>).
/// </summary>
public sealed class ApproveLease(PartageDbContext db, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, ApproveLeaseInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lease = await LeaseDecisions.ReviewableAsync(db, id, actor, ct);
        var today = clock.Today();
        var v = new Validation();
        var months = RequestLease.Months(v, nameof(input.Months), "La durée", input.Months, today);
        var first = v.Date(nameof(input.FirstDueOn), "La première échéance", input.FirstDueOn, required: true);
        if (first is { } f && (f <= today || f > today.AddMonths(6)))
        {
            v.Add(nameof(input.FirstDueOn), "La première échéance tombe après aujourd'hui et dans les six mois.");
        }

        var deposit = string.IsNullOrWhiteSpace(input.Deposit) || input.Deposit.Trim() == "0" ? Money.ZeroEur : v.Amount(nameof(input.Deposit), "L'apport", input.Deposit, required: false);
        if (deposit is { } d && d.Cents >= lease.PriceExclVatCents)
        {
            v.Add(nameof(input.Deposit), "L'apport est inférieur au prix hors taxes : le reste est financé.");
        }

        v.ThrowIfInvalid();
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Requested);
        lease.Terms = new LeaseTerms
        {
            Months = months!.Value, AnnualRatePercent = LeasingTerms.Number(LeasingTerms.AnnualRatePercent, today),
            MonthlyFeeCents = (long)LeasingTerms.Number(LeasingTerms.MonthlyFeeCents, today), DepositCents = deposit!.Value.Cents,
            FirstDueOn = first!.Value, DueDay = first.Value.Day, ApprovedOn = today, ApprovedBy = actor.Name,
        };
        lease.Status = LeaseStatus.Approved;
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged,
            $"Votre demande de matériel {lease.Number} est accordée : {months} mois à partir du {first.Value:dd/MM/yyyy}", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.approved", "lease", lease.Id.ToString(), new { Status = LeaseStatus.Requested },
            new { Status = LeaseStatus.Approved, lease.Terms.Months, lease.Terms.AnnualRatePercent, lease.Terms.MonthlyFeeCents, lease.Terms.DepositCents, lease.Terms.FirstDueOn });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/approve", async (Guid id, ApproveLeaseInput input, ApproveLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("ApproveLease").WithSummary("Accorder une demande de matériel avec ses conditions (gestionnaire de l'antenne, finance)").ProducesProblems();
}

/// <summary>What the decisions on a lease share: loading it for a reviewer (404 to anyone else) and refusing a move its status does not allow.</summary>
public static class LeaseDecisions
{
    public static async Task<Lease> ReviewableAsync(PartageDbContext db, LeaseId id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lease = await db.Set<Lease>().Visible(actor).SingleOrDefaultAsync(l => l.Id == id, ct);
        return lease is not null && LeasingAccess.CanReview(actor, lease) ? lease : throw new DomainException(LeasingErrors.NotFound);
    }

    public static async Task<Lease> FinanceAsync(PartageDbContext db, LeaseId id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        LeasingAccess.RequireFinance(actor);
        return await db.Set<Lease>().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new DomainException(LeasingErrors.NotFound);
    }

    public static void RequireStatus(Lease lease, params LeaseStatus[] allowed)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!allowed.Contains(lease.Status))
        {
            throw new DomainException(LeasingErrors.WrongStatus, $"Ce contrat est « {LeasingLabels.Of(lease.Status).ToLowerInvariant()} » : il ne peut pas changer ainsi.");
        }
    }
}
