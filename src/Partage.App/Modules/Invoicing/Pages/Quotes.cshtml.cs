using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>Quotes: the list, sending one, turning an accepted one into an invoice.</summary>
public sealed class QuotesModel(ListQuotes list, SendQuote send, InvoiceQuote invoice, GetCessionContractPdf cession, GetQuotePdf pdfs) : PartagePageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<QuoteView> Result { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<QuoteView> Items => Result.Items;

    public string PageUrl(int page) => $"/devis?p={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public string? Notice { get; private set; }

    [BindProperty]
    public Guid QuoteId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        Result = await list.HandleAsync(new PageRequest(PageNumber, null), Actor, ct);
        return Page();
    }

    /// <summary>The show's contrat de cession, for the organiser to sign; a quote that cannot have one stays on the list with the reason.</summary>
    public Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) => DownloadAsync(async () =>
    {
        var (name, content) = await pdfs.HandleAsync(id, Actor, ct);
        return File(content, "application/pdf", name);
    });

    public async Task<IActionResult> OnGetCessionAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            var (name, content) = await cession.HandleAsync(id, Actor, ct);
            return File(content, "application/pdf", name);
        }
        catch (Kernel.DomainException e) when (e.Error.Kind != Kernel.ErrorKind.NotFound)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            Result = await list.HandleAsync(new PageRequest(PageNumber, null), Actor, ct);
            return Page();
        }
        catch (Kernel.DomainException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) =>
        RunAsync(async () => { await send.HandleAsync(QuoteId, Actor, ct); return "/devis?fait=" + Uri.EscapeDataString("Devis envoyé au client."); }, ct);

    public Task<IActionResult> OnPostInvoiceAsync(CancellationToken ct) =>
        RunAsync(async () => $"/factures/{(await invoice.HandleAsync(QuoteId, Actor, ct)).Id}?fait={Uri.EscapeDataString("Facture émise à partir du devis accepté.")}", ct);

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect(await action()), string.Empty);
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            Result = await list.HandleAsync(new PageRequest(PageNumber, null), Actor, ct);
        }

        return result;
    }
}
