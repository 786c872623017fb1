using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>Quotes: the list, sending one, turning an accepted one into an invoice.</summary>
public sealed class QuotesModel(ListQuotes list, SendQuote send, InvoiceQuote invoice) : PartagePageModel
{
    public IReadOnlyList<QuoteView> Items { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public Guid QuoteId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        Items = await list.HandleAsync(Actor, ct);
        return Page();
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
            Items = await list.HandleAsync(Actor, ct);
        }

        return result;
    }
}
