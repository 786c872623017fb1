using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record ReturnDirectDebitInput(string? Reason);

/// <summary>
/// The bank returned a direct debit (insufficient funds, account closed, the member's refusal): finance records it with the
/// bank's reason; the debit's entry is reversed and the instalment goes to the lease's arrears, taken from the budget as
/// soon as it covers it.
/// </summary>
public sealed class ReturnDirectDebit(PartageDbContext db, ILedgerApi ledger, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, int number, ReturnDirectDebitInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var reason = v.Required(nameof(input.Reason), "Le motif du rejet (code de la banque)", input.Reason, 200);
        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        var instalment = await db.Set<LeaseInstalment>().SingleOrDefaultAsync(i => i.LeaseId == lease.Id && i.Number == number, ct) ?? throw new DomainException(LeasingErrors.NotFound);
        if (instalment.Status != InstalmentStatus.DirectDebited)
        {
            throw new DomainException(LeasingErrors.WrongStatus, "Seule une échéance prélevée sur le compte du membre peut revenir impayée.");
        }

        await ledger.ReverseAsync(instalment.EntryId!.Value, clock.Today(), $"Prélèvement rejeté : {reason}", $"lease-instalment:{instalment.Id}:returned", actor, ct);
        (instalment.Status, instalment.CollectedOn, instalment.EntryId) = (InstalmentStatus.Unpaid, null, null);
        lease.Touch();
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Le prélèvement de l'échéance {number} du matériel {lease.Number} est revenu impayé ({reason})", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.debit_returned", "lease", lease.Id.ToString(), new { Status = InstalmentStatus.DirectDebited, number }, new { Status = InstalmentStatus.Unpaid, reason });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/instalments/{number:int}/return", async (Guid id, int number, ReturnDirectDebitInput input, ReturnDirectDebit handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), number, input, await actors.GetAsync(ct), ct)))
            .WithName("ReturnLeaseDirectDebit").WithSummary("Enregistrer le rejet d'un prélèvement : écriture contre-passée, échéance en impayé (finance)").ProducesProblems();
}
