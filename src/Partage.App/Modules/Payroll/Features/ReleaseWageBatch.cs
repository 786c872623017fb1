using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed class ReleaseWageBatch(
    PartageDbContext db, IEnumerable<IWageSource> otherPayments, ILedgerApi ledger, INotificationsApi notifications, IAuditLog audit, ListWageBatches views, Microsoft.Extensions.Options.IOptions<PayrollOptions> options, TimeProvider clock)
{
    private const string AlreadyReleased = "Ce lot de virements est déjà libéré.";

    /// <summary>Releases a batch to the bank: the payment is posted once (421 against 512) and its payslips are paid on the execution date.</summary>
    public async Task<PaymentBatchView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (batch.Status != PaymentBatchStatus.Built)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, AlreadyReleased);
        }

        if (ApproveWageBatch.NeedsSecondApproval(batch.TotalCents, options.Value))
        {
            if (batch.ApprovedByUserId is null)
            {
                throw new DomainException(PayrollErrors.SecondApprovalRequired);
            }

            if (batch.ApprovedByUserId == actor.UserId)
            {
                throw new DomainException(PayrollErrors.SelfRelease);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claim the batch first, in the database: of two releases at the same moment (two tabs, two servers), the second
        // waits for the first's row lock, then finds the batch released and changes nothing.
        var releasedAt = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<PaymentBatch>().Where(b => b.Id == id && b.Status == PaymentBatchStatus.Built)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, PaymentBatchStatus.Released).SetProperty(b => b.ReleasedAt, releasedAt).SetProperty(b => b.ReleasedBy, actor.Name), ct);
        if (claimed == 0)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, AlreadyReleased);
        }

        var entry = await ledger.PostAsync(new PostEntryRequest(batch.LegalEntityId, "BQ", batch.ExecutionDate, $"Virement des salaires {batch.Number}", "wage_batch", batch.Id.ToString(),
            $"wages:{batch.Id}", await PaymentLinesAsync(batch, ct), batch.Number), actor, ct);
        await db.Set<Payslip>().Where(p => p.PaymentBatchId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PayslipStatus.Paid).SetProperty(p => p.PaidOn, batch.ExecutionDate), ct);
        foreach (var source in otherPayments)
        {
            await source.WagesPaidAsync(id, batch.ExecutionDate, ct);
        }

        await NotifyPaidAsync(batch, actor, ct);
        (batch.Status, batch.ReleasedAt, batch.ReleasedBy, batch.PaymentEntryId) = (PaymentBatchStatus.Released, releasedAt, actor.Name, entry.Id);
        audit.Record(actor, "payroll.batch_released", "payment_batch", batch.Id.ToString(), new { Status = PaymentBatchStatus.Built }, new { batch.Number, batch.TotalCents, EntryId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await views.ViewsAsync([batch], ct))[0];
    }

    /// <summary>
    /// The bank pays the batch's total: net wages come off 421 as one line, each payment that names its own account
    /// (a supplier's invoice: the supplier's 401) off that account, so the supplier's balance settles.
    /// </summary>
    private async Task<IReadOnlyList<PostingLine>> PaymentLinesAsync(PaymentBatch batch, CancellationToken ct)
    {
        var total = Money.Eur(batch.TotalCents);
        var named = new List<DueWage>();
        foreach (var source in otherPayments)
        {
            named.AddRange((await source.BatchWagesAsync(batch.Id, ct)).Where(w => w.DebitAccount is not null));
        }

        var wages = total - named.Select(w => w.Amount).Sum(Currency.Eur);
        var lines = named.Select(w => new PostingLine(w.DebitAccount!.Value, Side.Debit, w.Amount, null, w.Label)).ToList();
        if (!wages.IsZero)
        {
            lines.Insert(0, new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, "421", ct), Side.Debit, wages, null, $"{batch.Count - named.Count} salaires nets"));
        }

        lines.Add(new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, ChartOfAccounts.Bank, ct), Side.Credit, total, null, batch.Number));
        return lines;
    }

    /// <summary>Each member paid in the batch hears of it once, with the total of their payslips in it.</summary>
    private async Task NotifyPaidAsync(PaymentBatch batch, Actor actor, CancellationToken ct)
    {
        var paid = await db.Set<Payslip>().AsNoTracking().Where(p => p.PaymentBatchId == batch.Id)
            .Join(db.Set<Job>(), p => p.JobId, j => j.Id, (p, j) => new { j.MemberId, NetPaidCents = p.Figures.NetPaidCents - p.DeductionCents }).ToListAsync(ct);
        await notifications.NotifyMembersAsync(NoticeKind.WagePaid, paid.GroupBy(p => p.MemberId).Select(member => new MemberNotice(member.Key,
            $"Votre salaire de {Money.Eur(member.Sum(p => p.NetPaidCents)).ToDisplayString()} est viré le {batch.ExecutionDate:dd/MM/yyyy}", "/travaux")).ToList(), actor, ct);
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/batches/{id:guid}/release", async (Guid id, ReleaseWageBatch handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ReleaseBatch").WithSummary("Libérer un lot : paiement comptabilisé, fichier SEPA disponible").ProducesProblems();
    }
}
