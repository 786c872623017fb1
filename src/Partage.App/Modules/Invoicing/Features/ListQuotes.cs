using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The 200 latest quotes the actor may see: staff all, a manager their office's, a member their own.</summary>
public sealed class ListQuotes(PartageDbContext db, IClientsApi clients, ILegalEntitiesApi entities)
{
    public async Task<IReadOnlyList<QuoteView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Quote>().AsNoTracking();
        query = actor.IsCooperativeStaff ? query
            : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? query.Where(q => q.OfficeId == office)
            : actor.MemberId is { } member ? query.Where(q => q.MemberId == member) : query.Where(_ => false);
        var rows = await query.OrderByDescending(q => q.CreatedAt).Take(200).ToListAsync(ct);
        var found = await clients.FindManyAsync(rows.Select(q => q.ClientId).ToList(), ct);
        var codes = await entities.CodesAsync(ct);
        return rows.Select(q => QuoteRecords.View(q, found.GetValueOrDefault(q.ClientId), codes[q.LegalEntityId])).ToList();
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/", async (ListQuotes handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithName("ListQuotes").WithSummary("Devis visibles");
    }
}
