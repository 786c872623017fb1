using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

/// <summary>
/// Finance records an early payoff, taken from the activity's budget in one transaction: the capital still owed on the
/// instalments to come (their future interest is not owed) plus the whole of any unpaid instalment; the instalments to come
/// are cancelled, the unpaid ones paid. The lease can then end with the transfer of the equipment.
/// </summary>
public sealed class PayOffLease(PartageDbContext db, ILedgerApi ledger, LeasePostings postings, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Active);
        var open = await db.Set<LeaseInstalment>().Where(i => i.LeaseId == lease.Id && (i.Status == InstalmentStatus.Due || i.Status == InstalmentStatus.Unpaid)).ToListAsync(ct);
        var amount = Money.Eur(open.Sum(i => i.Status == InstalmentStatus.Unpaid ? i.AmountCents : i.CapitalCents));
        var budget = await ledger.BudgetToSpendAsync(lease.ActivityId, ct);
        if (budget.Available < amount)
        {
            throw new DomainException(LeasingErrors.NotEnoughBudget, $"L'activité dispose de {budget.Available.ToDisplayString()} : le remboursement anticipé demande {amount.ToDisplayString()}.");
        }

        var today = clock.Today();
        var entry = amount.IsZero ? null : await postings.FromBudgetAsync(lease, amount, today, $"{lease.Number} : remboursement anticipé", $"lease:{lease.Id}:payoff", actor, ct);
        foreach (var i in open)
        {
            (i.Status, i.CollectedOn, i.EntryId) = i.Status == InstalmentStatus.Unpaid ? (InstalmentStatus.Paid, today, entry?.Id) : (InstalmentStatus.Cancelled, today, entry?.Id);
        }

        lease.Status = LeaseStatus.PaidOff;
        lease.ClosedOn = today;
        lease.ClosingNote = $"Remboursement anticipé de {amount.ToDisplayString()} (capital restant dû, sans les intérêts à venir)";
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Le matériel {lease.Number} est remboursé par anticipation ({amount.ToDisplayString()})", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.paid_off", "lease", lease.Id.ToString(), new { Status = LeaseStatus.Active }, new { Status = LeaseStatus.PaidOff, AmountCents = amount.Cents, EntryId = entry?.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/payoff", async (Guid id, PayOffLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("PayOffLease").WithSummary("Rembourser par anticipation le capital restant dû, pris sur le budget (finance)").ProducesProblems();
}
