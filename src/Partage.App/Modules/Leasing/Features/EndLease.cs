using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

/// <summary>
/// Finance ends a lease whose schedule is settled (every instalment collected, or the lease paid off): the equipment passes
/// to the member for its residual value (the percentage of the purchase price excl. VAT in force that day), sold under a
/// number of the entity's sales series ("CES-SCIC-2026-000001") with VAT at the normal rate: the member's account (411)
/// debited, the disposal revenue (775) and the VAT collected credited, in one transaction with the lease's end.
/// </summary>
public sealed class EndLease(
    PartageDbContext db, ILedgerApi ledger, ILegalEntitiesApi entities, IMembersApi members, NumberSeries numbers, LeaseViews views, INotificationsApi notifications,
    IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Active, LeaseStatus.PaidOff);
        if (await db.Set<LeaseInstalment>().AnyAsync(i => i.LeaseId == lease.Id && (i.Status == InstalmentStatus.Due || i.Status == InstalmentStatus.Unpaid), ct))
        {
            throw new DomainException(LeasingErrors.NotFinished);
        }

        var today = clock.Today();
        var residual = Money.Eur(Rounding.ToCents(lease.Purchase!.AmountExclVatCents / 100m * LeasingTerms.Number(LeasingTerms.ResidualValuePercent, today) / 100m));
        var vat = Money.Eur(Rounding.ToCents(residual.Cents / 100m * LeasingTerms.Number(LeasingTerms.VatPercent, today) / 100m));
        var code = (await entities.CodesAsync(ct))[lease.LegalEntityId];
        var number = $"CES-{code}-{today.Year}-{await numbers.NextAsync($"disposals:{code}:{today.Year}", ct):D6}";
        if (!residual.IsZero)
        {
            var member = (await members.FindManyAsync([lease.MemberId], ct))[lease.MemberId];
            var label = $"{number} : cession du matériel {lease.Number} à {member.FullName}";
            var lines = new List<PostingLine>
            {
                new(await ledger.AuxiliaryAccountAsync(lease.LegalEntityId, LeasePostings.Clients, $"M{member.Number}", member.FullName, "member", lease.MemberId.Value, ct), Side.Debit, residual + vat, null, label),
                new(await ledger.AccountAsync(lease.LegalEntityId, LeasePostings.DisposalRevenue, ct), Side.Credit, residual, null, label),
            };
            if (!vat.IsZero)
            {
                lines.Add(new(await ledger.AccountAsync(lease.LegalEntityId, LeasePostings.VatCollected, ct), Side.Credit, vat, null, label));
            }

            await ledger.PostAsync(new PostEntryRequest(lease.LegalEntityId, "VT", today, label, "lease", lease.Id.ToString(), $"lease:{lease.Id}:transfer", lines, number), actor, ct);
        }

        var before = lease.Status;
        lease.Status = LeaseStatus.Ended;
        lease.ClosedOn = today;
        lease.ClosingNote = $"Matériel cédé au membre : facture {number}, valeur résiduelle {residual.ToDisplayString()} HT + TVA {vat.ToDisplayString()}";
        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged, $"Le matériel {lease.Number} est à vous : {lease.ClosingNote}", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.ended", "lease", lease.Id.ToString(), new { Status = before }, new { Status = LeaseStatus.Ended, number, ResidualCents = residual.Cents, VatCents = vat.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/end", async (Guid id, EndLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("EndLease").WithSummary("Fin du contrat : cession du matériel au membre pour sa valeur résiduelle, facturée (finance)").ProducesProblems();
}
