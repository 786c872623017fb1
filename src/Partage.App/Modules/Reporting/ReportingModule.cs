using Partage.App.Modules.Reporting.Features;

namespace Partage.App.Modules.Reporting;

/// <summary>
/// The annual report, computed: every table of the 2016 report for any year, for the group, an entity or an office, from
/// the history loaded for the years before the platform and from the other modules' contracts (<see cref="LiveFigures"/>),
/// totals and progressions always computed; and each office's dashboard (the month and the year so far). No module asks anything of it: it has no contract.
/// </summary>
public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services) => services
        .AddScoped<LiveFigures>()
        .AddScoped<ImportHistory>()
        .AddScoped<GetAnnualReport>()
        .AddScoped<GetOfficeDashboard>();

    public static void MapReportingEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reporting = api.MapGroup(string.Empty).WithTags("Rapport annuel");
        ImportHistory.Map(reporting);
        GetAnnualReport.Map(reporting);
        GetOfficeDashboard.Map(reporting);
    }
}
