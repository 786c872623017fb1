using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>Jobs and contracts: a member's own; a manager's office (contracts to countersign first); payroll staff's queue.</summary>
public sealed class JobsModel(ListJobs jobs) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<JobView> Result { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public SortOrder Order { get; private set; } = ListJobs.LatestStart;

    public string PageUrl(int page) => ListUrl(Sort, page);

    /// <summary>A column header's link: sorted by it, or the other way round if it is the current order; back to the first page.</summary>
    public string SortUrl(string column) => ListUrl(Order.By(column).ToString(), null);

    private string ListUrl(string? sort, int? page) => ListAddress.Of("/travaux", Status, sort, page);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () =>
        {
            try
            {
                Order = SortOrder.Parse(Sort, ListJobs.Columns, ListJobs.LatestStart);
                Result = await jobs.HandleAsync(Status, Sort, new PageRequest(PageNumber, null), Actor, ct);
            }
            catch (InputValidationException e)
            {
                // A state or an order that does not exist is told on the page, and the list shown unfiltered, latest first.
                ModelState.AddModelError(string.Empty, string.Join(" ", e.Errors.SelectMany(f => f.Value)));
                (Status, Sort, Order) = (null, null, ListJobs.LatestStart);
                Result = await jobs.HandleAsync(null, null, new PageRequest(PageNumber, null), Actor, ct);
            }
        });
    }
}
