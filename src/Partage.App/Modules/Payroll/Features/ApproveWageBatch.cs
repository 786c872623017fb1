using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The second pair of eyes on a large wage batch: above <see cref="PayrollOptions.SecondApprovalAboveCents"/>, someone of
/// the payroll service approves the batch, and someone else releases it. The approval is taken by a conditional update:
/// of two approvals at once, one is recorded.
/// </summary>
public sealed class ApproveWageBatch(PartageDbContext db, IAuditLog audit, ListWageBatches views, IOptions<PayrollOptions> options, TimeProvider clock)
{
    /// <summary>Whether a batch of this total needs a second person before its release.</summary>
    public static bool NeedsSecondApproval(long totalCents, PayrollOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return totalCents > options.SecondApprovalAboveCents;
    }

    public async Task<PaymentBatchView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (!NeedsSecondApproval(batch.TotalCents, options.Value))
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, $"Ce lot ne dépasse pas {Money.Eur(options.Value.SecondApprovalAboveCents).ToDisplayString()} : il se libère sans seconde approbation.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var at = clock.GetUtcNow().UtcDateTime;
        var approved = await db.Set<PaymentBatch>().Where(b => b.Id == id && b.Status == PaymentBatchStatus.Built && b.ApprovedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.ApprovedAt, at).SetProperty(b => b.ApprovedBy, actor.Name).SetProperty(b => b.ApprovedByUserId, actor.UserId), ct);
        if (approved == 0)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce lot est déjà approuvé ou libéré.");
        }

        audit.Record(actor, "payroll.batch_approved", "payment_batch", id.ToString(), null, new { batch.Number, batch.TotalCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var fresh = await db.Set<PaymentBatch>().AsNoTracking().SingleAsync(b => b.Id == id, ct);
        return (await views.ViewsAsync([fresh], ct))[0];
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/batches/{id:guid}/approve", async (Guid id, ApproveWageBatch handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ApproveBatch").WithSummary("Approuver un lot au-dessus du seuil (seconde personne ; une autre personne le libère)").ProducesProblems();
    }
}
