using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;

namespace Partage.App.Modules.Activities;

public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) =>
        services.AddScoped<ActivitiesApi>()
            .AddScoped<IActivitiesApi>(sp => sp.GetRequiredService<ActivitiesApi>())
            .AddScoped<IMemberOfficeFollower>(sp => sp.GetRequiredService<ActivitiesApi>())
            .AddScoped<IFeeBearingActivities>(sp => sp.GetRequiredService<ActivitiesApi>())
            .AddScoped<IActivityDirectory>(sp => sp.GetRequiredService<ActivitiesApi>())
            .AddScoped<ActivityViews>()
            .AddScoped<CreateActivity>()
            .AddScoped<UpdateActivity>()
            .AddScoped<AssignActivityManager>()
            .AddScoped<SearchActivities>()
            .AddScoped<GetActivity>()
            .AddScoped<GetActivityStatement>()
            .AddScoped<GetActivityBudget>();

    /// <summary>Each use case maps its own endpoint; the group gives them the module's OpenAPI tag.</summary>
    public static void MapActivitiesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var activities = api.MapGroup(string.Empty).WithTags("Activités");
        SearchActivities.Map(activities);
        GetActivity.Map(activities);
        CreateActivity.Map(activities);
        UpdateActivity.Map(activities);
        AssignActivityManager.Map(activities);
        GetActivityStatement.Map(activities);
        GetActivityBudget.Map(activities);
    }
}
