using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Scheduling;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.LegalEntities;

public sealed record LegalEntitySummary(LegalEntityId Id, string Code, string Name, string Siren, string VatNumber, string City);

public sealed record LicenceView(int Category, string Number, DateOnly ValidUntil);

public sealed record LegalEntityView(
    LegalEntityId Id, string Code, string Name, string LegalForm, string Siren, string VatNumber,
    string Street, string PostalCode, string City, string Country,
    IReadOnlyList<LicenceView> Licences, IReadOnlyList<string> Modules)
{
    /// <summary>
    /// The category 2 (producer) licence that still holds on <paramref name="day"/>, the latest-running one first: what
    /// an employer of intermittent artists in a show and the seller of a contrat de cession must hold (L7122-3).
    /// </summary>
    public LicenceView? ProducerLicenceOn(DateOnly day) =>
        Licences.Where(l => l.Category == 2 && l.ValidUntil >= day).OrderByDescending(l => l.ValidUntil).FirstOrDefault();
}

public sealed record BusinessModuleView(string Code, string Name);

/// <summary>What other modules may ask about the group's entities and business modules.</summary>
public interface ILegalEntitiesApi
{
    Task<IReadOnlyList<LegalEntityView>> ListAsync(CancellationToken ct = default);

    /// <summary>Each entity's short code (CAE, GC…), what lists and numbers show; one query, without licences or modules.</summary>
    Task<IReadOnlyDictionary<LegalEntityId, string>> CodesAsync(CancellationToken ct = default);

    Task<IReadOnlyList<BusinessModuleView>> ListModulesAsync(CancellationToken ct = default);

    Task<bool> OffersModuleAsync(LegalEntityId entity, string moduleCode, CancellationToken ct = default);
}

internal sealed class LegalEntitiesApi(PartageDbContext db) : ILegalEntitiesApi
{
    private IReadOnlyList<LegalEntityView>? listed;

    /// <summary>
    /// Read once per request (the service is scoped): issuing one invoice asked for the entities nine
    /// times (docs/performance.md). A licence recorded answers with a redirect, so the next request reads it.
    /// </summary>
    public async Task<IReadOnlyList<LegalEntityView>> ListAsync(CancellationToken ct = default) => listed ??= await ReadAsync(ct);

    private async Task<IReadOnlyList<LegalEntityView>> ReadAsync(CancellationToken ct)
    {
        var entities = await db.Set<LegalEntity>().AsNoTracking().Include(e => e.Licences).OrderBy(e => e.Code).ToListAsync(ct);
        var offered = await db.Set<OfferedModule>().AsNoTracking().ToListAsync(ct);
        return entities.Select(e => new LegalEntityView(
                e.Id, e.Code, e.Name, e.LegalForm, e.Siren, e.VatNumber, e.Street, e.PostalCode, e.City, e.Country,
                e.Licences.OrderBy(l => l.Category).Select(l => new LicenceView(l.Category, l.Number, l.ValidUntil)).ToList(),
                offered.Where(o => o.LegalEntityId == e.Id).Select(o => o.ModuleCode).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<LegalEntityId, string>> CodesAsync(CancellationToken ct = default) =>
        await db.Set<LegalEntity>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Code, ct);

    public async Task<IReadOnlyList<BusinessModuleView>> ListModulesAsync(CancellationToken ct = default) =>
        await db.Set<BusinessModule>().AsNoTracking().OrderBy(m => m.Name).Select(m => new BusinessModuleView(m.Code, m.Name)).ToListAsync(ct);

    public Task<bool> OffersModuleAsync(LegalEntityId entity, string moduleCode, CancellationToken ct = default) =>
        db.Set<OfferedModule>().AnyAsync(o => o.LegalEntityId == entity && o.ModuleCode == moduleCode, ct);
}

public static class LegalEntitiesModule
{
    public static IServiceCollection AddLegalEntities(this IServiceCollection services) =>
        services.AddScoped<ILegalEntitiesApi, LegalEntitiesApi>()
            .AddScoped<Features.RecordLicence>()
            .AddScheduledWork<LicenceExpiryAlerts>(LicenceExpiryAlerts.Key, "Alerte de fin de validité des licences de spectacles (60 jours avant)", "0 0 7 * * ?");

    public static void MapLegalEntitiesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/legal-entities", (ILegalEntitiesApi entities, CancellationToken ct) => entities.ListAsync(ct))
            .WithName("ListLegalEntities").WithTags("Entités").WithSummary("Entités juridiques du groupe, licences et modules");
        api.MapGet("/business-modules", (ILegalEntitiesApi entities, CancellationToken ct) => entities.ListModulesAsync(ct))
            .WithName("ListBusinessModules").WithTags("Entités").WithSummary("Modules d'activité");
        Features.RecordLicence.Map(api);
    }
}
