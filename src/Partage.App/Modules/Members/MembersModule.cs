using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Members.Features;

namespace Partage.App.Modules.Members;

public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddScoped<IMembersApi, MembersApi>()
            .AddScoped<CreateMember>()
            .AddScoped<RegisterMember>()
            .AddScoped<ConfirmRegistration>()
            .AddScoped<DecideApplication>()
            .AddScoped<UpdateMember>()
            .AddScoped<SearchMembers>()
            .AddScoped<GetMember>()
            .AddScheduledWork<EraseLapsedApplications>(EraseLapsedApplications.Key, "Anonymisation des demandes d'adhésion échues", "0 30 3 * * ?")
            .AddOptions<RetentionOptions>().BindConfiguration("Retention")
            .Validate(o => o.ApplicationDays > 0, "Retention:ApplicationDays doit être un nombre de jours positif.").ValidateOnStart().Services;

    public static void MapMembersEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(anonymousApi);
        var members = api.MapGroup("/members").WithTags("Membres");
        SearchMembers.Map(members);
        GetMember.Map(members);
        CreateMember.Map(members);
        RegisterMember.Map(anonymousApi);
        ConfirmRegistration.Map(anonymousApi);
        DecideApplication.Map(members);
        UpdateMember.Map(members);
    }
}
