using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The dunning steps taken for an invoice the actor may read, in order.</summary>
public sealed class GetDunningLog(PartageDbContext db)
{
    public async Task<IReadOnlyList<DunningLogLine>> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        if (!await db.Set<Invoice>().Visible(actor).AnyAsync(i => i.Id == id, ct))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        return await db.Set<DunningStep>().AsNoTracking().Where(d => d.InvoiceId == id).OrderBy(d => d.Step)
            .Select(d => new DunningLogLine(d.Step, d.Kind, d.On, d.Sent, d.Note)).ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/{id:guid}/dunning-log", async (Guid id, GetDunningLog handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetDunningLog").WithSummary("Les relances d'une facture : étapes envoyées ou dépassées").ProducesProblems();
    }
}
