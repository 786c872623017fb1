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
            .AddScoped<ScrollMembers>()
            .AddScoped<GetMember>()
            .AddScoped<MemberErasure>()
            .AddScheduledWork<EraseLapsedApplications>(EraseLapsedApplications.Key, "Anonymisation des demandes d'adhésion échues", "0 30 3 * * ?")
            .AddScheduledWork<EraseFormerMembers>(EraseFormerMembers.Key, "Anonymisation des anciens membres hors durée légale", "0 45 3 * * ?")
            .AddOptions<RetentionOptions>().BindConfiguration("Retention")
            .Validate(o => o.ApplicationDays > 0 && o.FormerMemberDays > 0, "Retention:ApplicationDays et Retention:FormerMemberDays doivent être des nombres de jours positifs.")
            .Validate(o => o.PayrollYears >= 5 && o.AccountingYears >= 10, "Retention:PayrollYears (5 ans au moins) et Retention:AccountingYears (10 ans au moins) ne peuvent pas descendre sous la durée légale.")
            .ValidateOnStart().Services;

    public static void MapMembersEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(anonymousApi);
        var members = api.MapGroup("/members").WithTags("Membres");
        SearchMembers.Map(members);
        ScrollMembers.Map(members);
        GetMember.Map(members);
        CreateMember.Map(members);
        RegisterMember.Map(anonymousApi);
        ConfirmRegistration.Map(anonymousApi);
        DecideApplication.Map(members);
        UpdateMember.Map(members);
    }
}
