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
    /// <summary>The columns the list may be sorted by.</summary>
    public static readonly string[] Columns = ["name", "city", "country"];

    public static readonly SortOrder ByName = new("name", false);

    public async Task<PagedResult<ClientListItem>> HandleAsync(string? search, string? country, string? sort, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var order = SortOrder.Parse(sort, Columns, ByName);
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

        return await Sorted(query, order)
            .Select(c => new ClientListItem(c.Id, c.Kind, c.Name, c.Country, c.Siren, c.VatNumber, c.City)).ToPageAsync(page, ct);
    }

    /// <summary>The asked order, then the name and the identifier: clients of the same city always come in the same order.</summary>
    private static IQueryable<Client> Sorted(IQueryable<Client> query, SortOrder order)
    {
        var sorted = order switch
        {
            { Column: "city", Descending: false } => query.OrderBy(c => c.City),
            { Column: "city" } => query.OrderByDescending(c => c.City),
            { Column: "country", Descending: false } => query.OrderBy(c => c.Country),
            { Column: "country" } => query.OrderByDescending(c => c.Country),
            { Descending: false } => query.OrderBy(c => c.SearchKey),
            _ => query.OrderByDescending(c => c.SearchKey),
        };
        return sorted.ThenBy(c => c.SearchKey).ThenBy(c => c.Id);
    }

    public static void Map(RouteGroupBuilder clients)
    {
        clients.MapGet("/", async (string? q, string? country, string? sort, int? page, int? pageSize, SearchClients search, ActorAccessor actors, CancellationToken ct) =>
                await search.HandleAsync(q, country, sort, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("SearchClients").WithSummary("Chercher un client (nom, SIREN, numéro de TVA), trié par name, city ou country (« - » devant : décroissant)").ProducesProblems();
    }
}
