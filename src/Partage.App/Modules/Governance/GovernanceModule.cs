using Partage.App.Modules.Governance.Features;
using Partage.App.Modules.Payroll;

namespace Partage.App.Modules.Governance;

/// <summary>
/// The cooperative's own life: the share register of each cooperative entity (subscriptions, payments — by transfer or
/// deducted from wages through <see cref="IPayslipDeductions"/>, which Payroll defines —, transfers, redemptions, numbered
/// and sealed movements, posted to the books), the nine categories and their history, the colleges and their weights,
/// and the general assemblies: convocation, proxies, online and in-room votes, secret ballots, weighted results, minutes.
/// The statutes' figures are dated data (<see cref="Statutes"/>). Reporting reads its shareholders by category through <see cref="IGovernanceApi"/>.
/// </summary>
public static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services) => services
        .AddScoped<IGovernanceApi, GovernanceApi>()
        .AddScoped<ShareRegister>()
        .AddScoped<ShareholderViews>()
        .AddScoped<AssemblyViews>()
        .AddScoped<ShareDeductions>()
        .AddScoped<IPayslipDeductions>(sp => sp.GetRequiredService<ShareDeductions>())
        .AddScoped<ApplyForShares>()
        .AddScoped<DecideApplication>()
        .AddScoped<SubscribeShares>()
        .AddScoped<PayShares>()
        .AddScoped<TransferShares>()
        .AddScoped<ChangeCategory>()
        .AddScoped<LeaveCooperative>()
        .AddScoped<RedeemShares>()
        .AddScoped<SearchShareholders>()
        .AddScoped<GetShareholder>()
        .AddScoped<GetShareRegister>()
        .AddScoped<CreateAssembly>()
        .AddScoped<AddResolution>()
        .AddScoped<ConveneAssembly>()
        .AddScoped<GiveProxy>()
        .AddScoped<CastVote>()
        .AddScoped<CloseAssembly>()
        .AddScoped<GetAssembly>()
        .AddScoped<AttachResolutionDocument>();

    public static void MapGovernanceEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var governance = api.MapGroup(string.Empty).WithTags("Gouvernance");
        ApplyForShares.Map(governance);
        DecideApplication.Map(governance);
        SubscribeShares.Map(governance);
        PayShares.Map(governance);
        TransferShares.Map(governance);
        ChangeCategory.Map(governance);
        LeaveCooperative.Map(governance);
        RedeemShares.Map(governance);
        SearchShareholders.Map(governance);
        GetShareholder.Map(governance);
        GetShareRegister.Map(governance);
        CreateAssembly.Map(governance);
        AddResolution.Map(governance);
        ConveneAssembly.Map(governance);
        GiveProxy.Map(governance);
        CastVote.Map(governance);
        CloseAssembly.Map(governance);
        GetAssembly.Map(governance);
        AttachResolutionDocument.Map(governance);
    }
}
