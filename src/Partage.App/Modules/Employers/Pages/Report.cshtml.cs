using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Employers.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>The contract-management service's report (the annual report's tables), for the cooperative's staff.</summary>
public sealed class ReportModel(ServiceReport report) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ServiceReportView? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Report = await report.ForYearAsync(Year, Actor, ct));
    }
}
