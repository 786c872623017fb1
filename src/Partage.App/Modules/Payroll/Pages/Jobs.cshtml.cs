using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>Jobs and contracts: a member's own; a manager's office (contracts to countersign first); payroll staff's queue.</summary>
public sealed class JobsModel(ListJobs jobs) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<JobView> Result { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Result = await jobs.HandleAsync(Status, new PageRequest(PageNumber, null), Actor, ct));
    }
}
