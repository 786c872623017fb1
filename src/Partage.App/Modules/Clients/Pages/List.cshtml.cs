using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Clients.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Clients.Pages;

public sealed class ListModel(SearchClients search) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<ClientListItem>? Result { get; private set; }

    public SortOrder Order { get; private set; } = SearchClients.ByName;

    public string PageUrl(int page) => ListUrl(Sort, page);

    /// <summary>A column header's link: sorted by it, or the other way round if it is the current order; back to the first page.</summary>
    public string SortUrl(string column) => ListUrl(Order.By(column).ToString(), null);

    private string ListUrl(string? sort, int? page) => QueryHelpers.AddQueryString("/clients", new Dictionary<string, string?>
    {
        ["q"] = Q, ["country"] = Country, ["sort"] = sort, ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () =>
        {
            try
            {
                Order = SortOrder.Parse(Sort, SearchClients.Columns, SearchClients.ByName);
                Result = await search.HandleAsync(Q, Country, Sort, new PageRequest(PageNumber, null), Actor, ct);
            }
            catch (InputValidationException e)
            {
                // An order that does not exist is told on the page, and the list shown by name.
                ModelState.AddModelError(string.Empty, string.Join(" ", e.Errors.SelectMany(f => f.Value)));
                (Sort, Order) = (null, SearchClients.ByName);
                Result = await search.HandleAsync(Q, Country, null, new PageRequest(PageNumber, null), Actor, ct);
            }
        });
    }
}
