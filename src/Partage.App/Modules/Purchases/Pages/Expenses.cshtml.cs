using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Purchases.Pages;

public sealed class ExpensesModel(SearchExpenseNotes search) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<ExpenseNoteView>? Result { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/frais", new Dictionary<string, string?>
    {
        ["statut"] = Statut, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var status = EnumFilter<ExpenseNoteStatus>(Statut, "Ce statut n'existe pas : toutes les notes sont affichées.");
        Statut = status?.ToString();
        return await LoadAsync(async () => Result = await search.HandleAsync(status, new PageRequest(PageNumber, null), Actor, ct));
    }
}
