using Partage.Kernel;

namespace Partage.App.Modules.Offices.Features;

/// <summary>The offices and their activity managers, for any signed-in user (the directory of the cooperative); 404 for an unknown office.</summary>
public sealed class BrowseOffices(IOfficesApi offices)
{
    public async Task<OfficeView> OfficeAsync(OfficeId id, CancellationToken ct = default) =>
        await offices.FindOfficeAsync(id, ct) ?? throw new DomainException(OfficesErrors.NotFound);

    public async Task<IReadOnlyList<ManagerView>> ManagersAsync(OfficeId id, CancellationToken ct = default)
    {
        await OfficeAsync(id, ct);
        return await offices.ListManagersAsync(id, ct);
    }

    public static void Map(RouteGroupBuilder offices)
    {
        offices.MapGet("/", (IOfficesApi api, CancellationToken ct) => api.ListOfficesAsync(ct))
            .WithName("ListOffices").WithSummary("Bureaux et permanences");
        offices.MapGet("/{id:guid}", async (Guid id, BrowseOffices handler, CancellationToken ct) => await handler.OfficeAsync(new OfficeId(id), ct))
            .WithName("GetOffice").WithSummary("Un bureau");
        offices.MapGet("/{id:guid}/managers", async (Guid id, BrowseOffices handler, CancellationToken ct) => await handler.ManagersAsync(new OfficeId(id), ct))
            .WithName("ListOfficeManagers").WithSummary("Gestionnaires d'activité d'un bureau");
    }
}
