using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Clients.Features;

public sealed record ClientListItem(ClientId Id, ClientKind Kind, string Name, string Country, string? Siren, string? VatNumber, string City);

public sealed class SearchClients(PartageDbContext db)
{
    public async Task<PagedResult<ClientListItem>> HandleAsync(string? search, string? country, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Client>().AsNoTracking().Visible(actor, db);
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var key = Text.SearchKey(term);
            var identifier = VatNumbers.Normalize(term) ?? string.Empty;
            query = query.Where(c => c.SearchKey.Contains(key) || c.Siren == identifier || c.VatNumber == identifier || c.Siret == identifier);
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(c => c.Country == code);
        }

        return await query.OrderBy(c => c.SearchKey).ThenBy(c => c.Id)
            .Select(c => new ClientListItem(c.Id, c.Kind, c.Name, c.Country, c.Siren, c.VatNumber, c.City)).ToPageAsync(page, ct);
    }

    public static void Map(RouteGroupBuilder clients)
    {
        clients.MapGet("/", async (string? q, string? country, int? page, int? pageSize, SearchClients search, ActorAccessor actors, CancellationToken ct) =>
                await search.HandleAsync(q, country, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("SearchClients").WithSummary("Chercher un client (nom, SIREN, numéro de TVA)").ProducesProblems();
    }
}
