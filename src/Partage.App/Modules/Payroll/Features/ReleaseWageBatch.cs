using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed class ReleaseWageBatch(PartageDbContext db, IWageSource staffWages, ILedgerApi ledger, IAuditLog audit, ListWageBatches views, TimeProvider clock)
{
    /// <summary>Releases a batch to the bank: the payment is posted once (421 against 512) and its payslips are paid on the execution date.</summary>
    public async Task<PaymentBatchView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (batch.Status != PaymentBatchStatus.Built)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce lot de virements est déjà libéré.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var total = Money.Eur(batch.TotalCents);
        var entry = await ledger.PostAsync(new PostEntryRequest(batch.LegalEntityId, "BQ", batch.ExecutionDate, $"Virement des salaires {batch.Number}", "wage_batch", batch.Id.ToString(),
            $"wages:{batch.Id}",
            [
                new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, "421", ct), Side.Debit, total, null, $"{batch.Count} salaires nets"),
                new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, ChartOfAccounts.Bank, ct), Side.Credit, total, null, batch.Number),
            ], batch.Number), actor, ct);
        await db.Set<Payslip>().Where(p => p.PaymentBatchId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PayslipStatus.Paid).SetProperty(p => p.PaidOn, batch.ExecutionDate), ct);
        await staffWages.WagesPaidAsync(id, batch.ExecutionDate, ct);

        batch.Status = PaymentBatchStatus.Released;
        batch.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        batch.ReleasedBy = actor.Name;
        batch.PaymentEntryId = entry.Id;
        audit.Record(actor, "payroll.batch_released", "payment_batch", batch.Id.ToString(), new { Status = PaymentBatchStatus.Built }, new { batch.Number, batch.TotalCents, EntryId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await views.ViewsAsync([batch], ct))[0];
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/batches/{id:guid}/release", async (Guid id, ReleaseWageBatch handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ReleaseBatch").WithSummary("Libérer un lot : paiement comptabilisé, fichier SEPA disponible").ProducesProblems();
    }
}
