using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Leasing.Features;

namespace Partage.App.Modules.Leasing;

/// <summary>
/// Equipment for members ("Matlease"): the cooperative buys what a member's activity needs, owns it, and the activity repays
/// it monthly from its budget — or the member by SEPA direct debit when the budget is short. Requests and their review,
/// terms as dated data (<see cref="LeasingTerms"/>), the purchase as an asset with its depreciation, the schedule
/// (<see cref="LeaseSchedule"/>), the daily collection and its pain.008 files, payoff, pause, end and default, the
/// portfolio. No module asks anything of it: it has no contract.
/// </summary>
public static class LeasingModule
{
    public static IServiceCollection AddLeasing(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<LeasingOptions>(configuration.GetSection("Leasing"))
        .AddScoped<LeaseViews>()
        .AddScoped<LeasePostings>()
        .AddScoped<LeaseCollection>()
        .AddScoped<RequestLease>()
        .AddScoped<GetLease>()
        .AddScoped<ApproveLease>()
        .AddScoped<RefuseLease>()
        .AddScoped<RecordLeasePurchase>()
        .AddScoped<SignMandate>()
        .AddScoped<CollectInstalments>()
        .AddScoped<PayOffLease>()
        .AddScoped<PauseLease>()
        .AddScoped<EndLease>()
        .AddScoped<DeclareLeaseDefault>()
        .AddScoped<ReturnDirectDebit>()
        .AddScoped<SearchLeases>()
        .AddScoped<GetLeasePortfolio>()
        .AddScoped<GetDirectDebitFile>()
        .AddScheduledWork<LeaseCollectionWork>(LeaseCollectionWork.Key, "Échéances du matériel : préavis, prises sur les budgets, prélèvements SEPA", "0 30 6 * * ?");

    public static void MapLeasingEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var leasing = api.MapGroup(string.Empty).WithTags("Matériel");
        RequestLease.Map(leasing);
        SearchLeases.Map(leasing);
        GetLeasePortfolio.Map(leasing);
        CollectInstalments.Map(leasing);
        GetDirectDebitFile.Map(leasing);
        GetLease.Map(leasing);
        ApproveLease.Map(leasing);
        RefuseLease.Map(leasing);
        RecordLeasePurchase.Map(leasing);
        SignMandate.Map(leasing);
        PayOffLease.Map(leasing);
        PauseLease.Map(leasing);
        EndLease.Map(leasing);
        DeclareLeaseDefault.Map(leasing);
        ReturnDirectDebit.Map(leasing);
    }
}

/// <summary>The day's collection, every morning (6:30 Paris by default, after the payroll run): a rerun collects nothing twice.</summary>
public sealed class LeaseCollectionWork(CollectInstalments collect) : IScheduledWork
{
    public const string Key = "leases";

    public async Task<string?> RunAsync(CancellationToken ct) => (await collect.HandleAsync(new CollectInstalmentsInput(), Security.Actor.System, ct)).Summary;
}
