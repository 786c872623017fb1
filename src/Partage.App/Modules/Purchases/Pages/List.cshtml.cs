using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Purchases.Pages;

public sealed class ListModel(SearchSupplierInvoices search) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<SupplierInvoiceView>? Result { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/achats", new Dictionary<string, string?>
    {
        ["q"] = Q, ["statut"] = Statut, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var status = EnumFilter<SupplierInvoiceStatus>(Statut, "Ce statut n'existe pas : toutes les factures sont affichées.");
        Statut = status?.ToString();
        return await LoadAsync(async () => Result = await search.HandleAsync(status, Q, new PageRequest(PageNumber, null), Actor, ct));
    }
}
