using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PaymentBatchView(Guid Id, string Number, string EntityCode, DateOnly ExecutionDate, int Count, Money Total, PaymentBatchStatus Status, DateTime? ReleasedAt, string? ReleasedBy);

/// <summary>The wage payment batches, latest first (the 200 last), for payroll staff; their views for the other batch use cases.</summary>
public sealed class ListWageBatches(PartageDbContext db, ILegalEntitiesApi entities)
{
    public async Task<IReadOnlyList<PaymentBatchView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        return await ViewsAsync(await db.Set<PaymentBatch>().AsNoTracking().OrderByDescending(b => b.ExecutionDate).ThenByDescending(b => b.Number).Take(200).ToListAsync(ct), ct);
    }


    internal async Task<IReadOnlyList<PaymentBatchView>> ViewsAsync(IReadOnlyList<PaymentBatch> batches, CancellationToken ct)
    {
        var codes = await entities.CodesAsync(ct);
        return batches.Select(b => new PaymentBatchView(b.Id, b.Number, codes[b.LegalEntityId], b.ExecutionDate, b.Count, Money.Eur(b.TotalCents), b.Status, b.ReleasedAt, b.ReleasedBy)).ToList();
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/batches", async (ListWageBatches handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithName("PaymentBatches").WithSummary("Les lots de virement des salaires").ProducesProblems();
    }
}
