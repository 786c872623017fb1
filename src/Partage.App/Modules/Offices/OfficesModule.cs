using Partage.App.Modules.Offices.Features;

namespace Partage.App.Modules.Offices;

public static class OfficesModule
{
    public static IServiceCollection AddOffices(this IServiceCollection services) =>
        services.AddScoped<IOfficesApi, OfficesApi>()
            .AddScoped<BrowseOffices>()
            .AddScoped<CreateOffice>()
            .AddScoped<CreateActivityManager>();

    public static void MapOfficesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var offices = api.MapGroup("/offices").WithTags("Bureaux");
        BrowseOffices.Map(offices);
        CreateOffice.Map(offices);
        CreateActivityManager.Map(offices);
    }
}
