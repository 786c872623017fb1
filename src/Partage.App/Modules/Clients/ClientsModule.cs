using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Clients.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Clients;

public sealed record ClientContactView(string Name, string? Role, string? Email, string? Phone);

public sealed record ClientView(
    ClientId Id, ClientKind Kind, string Name, string? LegalForm, string Country, string? Siren, string? Siret, string? VatNumber,
    string AddressLine1, string? AddressLine2, string PostalCode, string City, string? ElectronicAddress, string? BillingEmail,
    IReadOnlyList<ClientContactView> Contacts)
{
    public bool IsBusiness => Kind != ClientKind.Person;

    /// <summary>Established in a member state of the EU (where reverse charge applies to businesses).</summary>
    public bool IsInEuropeanUnion => VatNumbers.IsEuCountry(Country);

    public static ClientView Of(Client c) => new(
        c.Id, c.Kind, c.Name, c.LegalForm, c.Country, c.Siren, c.Siret, c.VatNumber, c.AddressLine1, c.AddressLine2, c.PostalCode, c.City,
        c.ElectronicAddress, c.BillingEmail, c.Contacts.Select(x => new ClientContactView(x.Name, x.Role, x.Email, x.Phone)).ToList());
}

/// <summary>What other modules (invoicing) ask of the Clients module.</summary>
public interface IClientsApi
{
    Task<ClientView?> FindAsync(ClientId client, CancellationToken ct = default);

    /// <summary>The client if the actor's directory holds it (a member's: the clients they work for), else null (callers answer 404).</summary>
    Task<ClientView?> FindVisibleAsync(ClientId client, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// Puts the client in the member's directory (an invoice or a quote of theirs is addressed to it). Written at once and
    /// idempotent, so two drafts for one client at the same moment both succeed.
    /// </summary>
    Task LinkMemberAsync(ClientId client, MemberId member, CancellationToken ct = default);

    /// <summary>The names of several clients in one query (lists of invoices, covers…).</summary>
    Task<IReadOnlyDictionary<ClientId, string>> NamesAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default);

    /// <summary>How many of these clients are in each country (ISO 3166 code), in one query (the annual report's clients by country).</summary>
    Task<IReadOnlyDictionary<string, int>> CountriesAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default);

    /// <summary>Several clients with their contacts in one query (lists that show more than a name).</summary>
    Task<IReadOnlyDictionary<ClientId, ClientView>> FindManyAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default);

    /// <summary>Clients by name, SIREN or VAT number, for a form's picker.</summary>
    Task<Infrastructure.PagedResult<ClientListItem>> SearchAsync(string? search, Infrastructure.PageRequest page, Actor actor, CancellationToken ct = default);
}

public static class ClientsErrors
{
    public static readonly ErrorCode NotFound = new("clients.not_found", "Ce client n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode Duplicate = new("clients.duplicate", "Ce client existe déjà (même SIREN ou même numéro de TVA).", ErrorKind.Conflict);
}

public static class ClientsAccess
{
    /// <summary>Members (who invoice clients), managers and staff use clients; employers and applicants do not.</summary>
    public static bool CanUse(Actor actor) => actor.IsCooperativeStaff || actor.IsInRole(Roles.Manager) || actor.MemberId is not null;

    /// <summary>Staff and managers see the whole directory; a member only the clients they created or invoiced.</summary>
    public static bool SeesWholeDirectory(Actor actor) => actor.IsCooperativeStaff || actor.IsInRole(Roles.Manager);

    /// <summary>The clients an actor may see, as a SQL filter (404 for anyone who uses no clients).</summary>
    public static IQueryable<Client> Visible(this IQueryable<Client> clients, Actor actor, PartageDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Require(actor);
        if (SeesWholeDirectory(actor))
        {
            return clients;
        }

        var member = actor.MemberId!.Value;
        return clients.Where(c => db.Set<ClientMember>().Any(l => l.ClientId == c.Id && l.MemberId == member));
    }

    public static void Require(Actor actor)
    {
        if (!CanUse(actor))
        {
            throw new DomainException(ClientsErrors.NotFound);
        }
    }
}

internal sealed class ClientsApi(PartageDbContext db, SearchClients searchClients, TimeProvider clock) : IClientsApi
{
    public Task<Infrastructure.PagedResult<ClientListItem>> SearchAsync(string? search, Infrastructure.PageRequest page, Actor actor, CancellationToken ct = default) =>
        searchClients.HandleAsync(search, null, null, page, actor, ct);

    public async Task<IReadOnlyDictionary<string, int>> CountriesAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Client>().AsNoTracking().Where(c => wanted.Contains(c.Id)).GroupBy(c => c.Country).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyDictionary<ClientId, string>> NamesAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Client>().AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public async Task<IReadOnlyDictionary<ClientId, ClientView>> FindManyAsync(IReadOnlyCollection<ClientId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Client>().AsNoTracking().Include(c => c.Contacts).Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ClientView.Of, ct);
    }

    public async Task<ClientView?> FindVisibleAsync(ClientId client, Actor actor, CancellationToken ct = default)
    {
        var found = await db.Set<Client>().AsNoTracking().Visible(actor, db).Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == client, ct);
        return found is null ? null : ClientView.Of(found);
    }

    public async Task LinkMemberAsync(ClientId client, MemberId member, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO client_members (client_id, member_id, linked_at) VALUES ({client.Value}, {member.Value}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT DO NOTHING", ct);

    public async Task<ClientView?> FindAsync(ClientId client, CancellationToken ct = default)
    {
        var found = await db.Set<Client>().AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == client, ct);
        return found is null ? null : ClientView.Of(found);
    }
}

public static class ClientsModule
{
    public static IServiceCollection AddClients(this IServiceCollection services) =>
        services.AddScoped<IClientsApi, ClientsApi>()
            .AddScoped<CreateClient>()
            .AddScoped<SearchClients>()
            .AddScoped<GetClient>();

    public static void MapClientsEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clients = api.MapGroup("/clients").WithTags("Clients");
        SearchClients.Map(clients);
        GetClient.Map(clients);
        CreateClient.Map(clients);
    }
}
