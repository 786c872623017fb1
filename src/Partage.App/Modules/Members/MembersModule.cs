using Partage.App.Modules.Members.Features;

namespace Partage.App.Modules.Members;

public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddScoped<IMembersApi, MembersApi>()
            .AddScoped<CreateMember>()
            .AddScoped<UpdateMember>()
            .AddScoped<SearchMembers>()
            .AddScoped<GetMember>();

    public static void MapMembersEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(anonymousApi);
        var members = api.MapGroup("/members").WithTags("Membres");
        SearchMembers.Map(members);
        GetMember.Map(members);
        CreateMember.Map(members, anonymousApi);
        UpdateMember.Map(members);
    }
}
