using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;

namespace Partage.App.Modules.Ledger;

public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services) =>
        services.AddSingleton<LedgerCatalog>()
            .AddScoped<EntryPosting>()
            .AddScoped<EntryWriter>()
            .AddScoped<ILedgerApi, LedgerApi>()
            .AddScoped<LedgerEntities>()
            .AddScoped<ListFiscalYears>()
            .AddScoped<OpenFiscalYear>()
            .AddScoped<CloseMonth>()
            .AddScoped<GetTrialBalance>()
            .AddScoped<GetAccountDetail>()
            .AddScoped<CheckBooks>()
            .AddScoped<FecExport>()
            .AddScoped<ManualEntry>()
            .AddScoped<GetEntry>()
            .AddScoped<ReverseEntry>()
            .AddScoped<CooperativeFees>()
            .AddScoped<SearchAccounts>()
            .AddScoped<AddAccount>()
            .AddScoped<MonthlyFees>()
            .AddScheduledWork<Features.MonthlyFeesWork>(Features.MonthlyFeesWork.Key, "Forfaits mensuels de contribution (dernier jour du mois)", "0 0 21 L * ?");

    /// <summary>Each use case maps its own endpoints; the group gives them their prefix and OpenAPI tag.</summary>
    public static void MapLedgerEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var ledger = api.MapGroup("/ledger").WithTags("Comptabilité").RequireAuthorization(SecuritySetup.FinancePolicy);

        SearchAccounts.Map(ledger);
        AddAccount.Map(ledger);
        ManualEntry.Map(ledger);
        GetEntry.Map(ledger);
        ReverseEntry.Map(ledger);
        ListFiscalYears.Map(ledger);
        OpenFiscalYear.Map(ledger);
        CloseMonth.Map(ledger);
        GetTrialBalance.Map(ledger);
        GetAccountDetail.Map(ledger);
        CheckBooks.Map(ledger);
        FecExport.Map(ledger);
        MonthlyFees.Map(ledger);
        CooperativeFees.Map(ledger);
    }
}
