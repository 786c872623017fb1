using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Ledger.Features;

namespace Partage.App.Modules.Ledger;

public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services) =>
        services.AddSingleton<LedgerCatalog>()
            .AddScoped<ILedgerApi, LedgerApi>()
            .AddScoped<FiscalPeriods>()
            .AddScoped<LedgerReports>()
            .AddScoped<FecExport>()
            .AddScoped<ManualEntry>()
            .AddScoped<GetEntry>()
            .AddScoped<ReverseEntry>()
            .AddScoped<CooperativeFees>()
            .AddScoped<ChartOfAccountsBook>()
            .AddScoped<MonthlyFees>()
            .AddScheduledWork<Features.MonthlyFeesWork>(Features.MonthlyFeesWork.Key, "Forfaits mensuels de contribution (dernier jour du mois)", "0 0 21 L * ?");

    /// <summary>Each use case maps its own endpoints; the group gives them their prefix and OpenAPI tag.</summary>
    public static void MapLedgerEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var ledger = api.MapGroup("/ledger").WithTags("Comptabilité");

        ChartOfAccountsBook.Map(ledger);
        ManualEntry.Map(ledger);
        GetEntry.Map(ledger);
        ReverseEntry.Map(ledger);
        FiscalPeriods.Map(ledger);
        LedgerReports.Map(ledger);
        FecExport.Map(ledger);
        MonthlyFees.Map(ledger);
        CooperativeFees.Map(ledger);
    }
}
