using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

public sealed class PlatformModel(ListPlatformFlows flows) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Etat { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<PlatformFlowView>? Result { get; private set; }

    public string? Notice { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/facturation-electronique", new Dictionary<string, string?>
    {
        ["etat"] = Etat, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            await flows.RetryAsync(id, Actor, ct);
            return Redirect($"/facturation-electronique?fait={Uri.EscapeDataString("Envoi remis en file : il part à la prochaine tournée (toutes les 5 minutes).")}");
        }, string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var state = EnumFilter<PlatformFlowState>(Etat, "Cet état n'existe pas : les échanges en échec ou rejetés sont affichés.");
        Etat = state?.ToString();
        Result = await flows.HandleAsync(state, new PageRequest(PageNumber, null), Actor, ct);
    }
}
