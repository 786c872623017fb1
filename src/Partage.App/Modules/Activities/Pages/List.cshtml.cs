using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

public sealed class ListModel(SearchActivities handler, Ledger.ILedgerApi ledger) : PartagePageModel
{
    public ActivitySearch Search { get; private set; } = new();

    public PagedResult<ActivityView>? Result { get; private set; }

    /// <summary>The page's activities' budgets, read in one query: « disponible » beside each name.</summary>
    public IReadOnlyDictionary<ActivityId, Ledger.ActivityBudget> Budgets { get; private set; } = new Dictionary<ActivityId, Ledger.ActivityBudget>();

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/activites", new Dictionary<string, string?>
    {
        ["q"] = Search.Q, ["status"] = Search.Status, ["inTheRed"] = Search.InTheRed == true ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync([FromQuery] ActivitySearch search, CancellationToken ct)
    {
        await LoadActorAsync();
        Search = search;
        try
        {
            Result = await handler.HandleAsync(search, Actor, ct);
            Budgets = await ledger.BudgetsAsync(Result.Items.Select(a => a.Id).ToList(), ct);
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
