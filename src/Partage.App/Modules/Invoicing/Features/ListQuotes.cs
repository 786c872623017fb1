using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The quotes the actor may see, latest first, a page at a time: staff all, a manager their office's, a member their own.</summary>
public sealed class ListQuotes(PartageDbContext db, IClientsApi clients, ILegalEntitiesApi entities)
{
    public async Task<PagedResult<QuoteView>> HandleAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Quote>().AsNoTracking();
        query = actor.IsCooperativeStaff ? query
            : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? query.Where(q => q.OfficeId == office)
            : actor.MemberId is { } member ? query.Where(q => q.MemberId == member) : query.Where(_ => false);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var found = await clients.FindManyAsync(rows.Select(q => q.ClientId).ToList(), ct);
        var codes = await entities.CodesAsync(ct);
        return new PagedResult<QuoteView>(rows.Select(q => QuoteRecords.View(q, found.GetValueOrDefault(q.ClientId), codes[q.LegalEntityId])).ToList(), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/", async (int? page, int? pageSize, ListQuotes handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListQuotes").WithSummary("Devis visibles, les plus récents d'abord (page, pageSize)").ProducesProblems();
    }
}
