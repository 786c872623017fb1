using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Clients.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Clients.Pages;

public sealed class ListModel(SearchClients search) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<ClientListItem>? Result { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/clients", new Dictionary<string, string?>
    {
        ["q"] = Q ?? string.Empty, ["country"] = Country ?? string.Empty, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Result = await search.HandleAsync(Q, Country, new PageRequest(PageNumber, null), Actor, ct));
    }
}
