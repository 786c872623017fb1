using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

public sealed class ListModel(SearchActivities handler) : PartagePageModel
{
    public ActivitySearch Search { get; private set; } = new();

    public PagedResult<ActivityView>? Result { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/activites", new Dictionary<string, string?>
    {
        ["q"] = Search.Q ?? string.Empty, ["status"] = Search.Status ?? string.Empty, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task<IActionResult> OnGetAsync([FromQuery] ActivitySearch search, CancellationToken ct)
    {
        await LoadActorAsync();
        Search = search;
        try
        {
            Result = await handler.HandleAsync(search, Actor, ct);
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }

        return Page();
    }
}
