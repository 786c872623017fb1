using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Offices.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Offices;

public static class OfficesModule
{
    public static IServiceCollection AddOffices(this IServiceCollection services) =>
        services.AddScoped<IOfficesApi, OfficesApi>()
            .AddScoped<CreateOffice>()
            .AddScoped<CreateActivityManager>();

    public static void MapOfficesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var offices = api.MapGroup("/offices").WithTags("Bureaux");
        offices.MapGet("/", (IOfficesApi api, CancellationToken ct) => api.ListOfficesAsync(ct))
            .WithName("ListOffices").WithSummary("Bureaux et permanences");
        offices.MapGet("/{id:guid}", async (Guid id, IOfficesApi api, CancellationToken ct) =>
                await api.FindOfficeAsync(new OfficeId(id), ct) ?? throw new DomainException(OfficesErrors.NotFound))
            .WithName("GetOffice").WithSummary("Un bureau");
        offices.MapPost("/", async (CreateOfficeInput input, CreateOffice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var office = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/offices/{office.Id}", office);
            })
            .WithName("CreateOffice").WithSummary("Ouvrir un bureau (administration)")
            .ProducesProblems();
        offices.MapGet("/{id:guid}/managers", async (Guid id, IOfficesApi api, CancellationToken ct) =>
                await api.FindOfficeAsync(new OfficeId(id), ct) is null
                    ? throw new DomainException(OfficesErrors.NotFound)
                    : await api.ListManagersAsync(new OfficeId(id), ct))
            .WithName("ListOfficeManagers").WithSummary("Gestionnaires d'activité d'un bureau");
        offices.MapPost("/{id:guid}/managers", async (Guid id, CreateActivityManagerInput input, CreateActivityManager handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var manager = await handler.HandleAsync(new OfficeId(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/offices/{id}/managers", manager);
            })
            .WithName("CreateActivityManager").WithSummary("Affecter un gestionnaire d'activité (administration)")
            .ProducesProblems();
    }
}
