using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Ui;
using Partage.App.Modules.Invoicing.Features;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>Finance's guarantee-fund page: balance and exposure, invoices it may cover, covers and write-offs.</summary>
public sealed class FundModel(GetGuaranteeFund fund, ListCoverableInvoices coverable, CoverInvoice cover, WriteOffInvoice writeOff) : PartagePageModel
{
    public FundSummary? Summary { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<EligibleInvoice> EligiblePage { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<EligibleInvoice> Eligible => EligiblePage.Items;

    public string PageUrl(int page) => $"/fonds-de-garantie?p={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public string? Notice { get; private set; }

    [BindProperty]
    public Guid InvoiceId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public Task<IActionResult> OnPostCoverAsync(CancellationToken ct) =>
        RunAsync(async () => { await cover.HandleAsync(Partage.Kernel.InvoiceId.From(InvoiceId), Actor, ct); return "Facture couverte par le fonds de garantie."; }, ct);

    public Task<IActionResult> OnPostWriteOffAsync(CancellationToken ct) =>
        RunAsync(async () => { await writeOff.HandleAsync(Partage.Kernel.InvoiceId.From(InvoiceId), Reason, Actor, ct); return "Facture passée en perte, prise en charge par le fonds."; }, ct);

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/fonds-de-garantie?fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Summary = await fund.HandleAsync(Actor, ct);
        EligiblePage = await coverable.HandleAsync(new PageRequest(PageNumber, null), Actor, ct);
    }
}
