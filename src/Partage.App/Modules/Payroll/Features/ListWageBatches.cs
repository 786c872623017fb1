using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PaymentBatchView(
    Guid Id, string Number, string EntityCode, DateOnly ExecutionDate, int Count, Money Total, PaymentBatchStatus Status, DateTime? ReleasedAt, string? ReleasedBy,
    DateTime? ApprovedAt = null, string? ApprovedBy = null);

/// <summary>The wage payment batches, latest first, a page at a time, for payroll staff; their views for the other batch use cases.</summary>
public sealed class ListWageBatches(PartageDbContext db, ILegalEntitiesApi entities)
{
    public async Task<PagedResult<PaymentBatchView>> HandleAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var query = db.Set<PaymentBatch>().AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.ExecutionDate).ThenByDescending(b => b.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<PaymentBatchView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    internal async Task<IReadOnlyList<PaymentBatchView>> ViewsAsync(IReadOnlyList<PaymentBatch> batches, CancellationToken ct)
    {
        var codes = await entities.CodesAsync(ct);
        return batches.Select(b => new PaymentBatchView(b.Id, b.Number, codes[b.LegalEntityId], b.ExecutionDate, b.Count, Money.Eur(b.TotalCents), b.Status, b.ReleasedAt, b.ReleasedBy, b.ApprovedAt, b.ApprovedBy)).ToList();
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/batches", async (int? page, int? pageSize, ListWageBatches handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("PaymentBatches").WithSummary("Les lots de virement des salaires, les plus récents d'abord (page, pageSize)").ProducesProblems();
    }
}
