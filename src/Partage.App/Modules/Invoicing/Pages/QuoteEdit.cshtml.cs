using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>A quote not sent yet, rewritten with the invoice editor (lines, usual lines, totals, client search) and its validity.</summary>
public sealed class QuoteEditModel(GetQuote quotes, UpdateQuote update, IClientsApi clients) : DraftEditorModel(clients)
{
    public QuoteView? Quote { get; private set; }

    public override bool TakesPurchaseOrder => false;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var page = await LoadAsync(async () =>
        {
            Quote = await quotes.HandleAsync(id, Actor, ct);
            Input = new DraftForm
            {
                ClientId = Quote.ClientId.ToString(), ServiceFrom = Text(Quote.ServiceFrom), ServiceTo = Quote.ServiceTo == Quote.ServiceFrom ? null : Text(Quote.ServiceTo),
                BuyerReference = Quote.BuyerReference, ValidUntil = Text(Quote.ValidUntil),
                Lines = Quote.Lines.Select(l => l with { Quantity = QuoteLabels.Number(l.Quantity), UnitPrice = QuoteLabels.Number(l.UnitPrice) }).ToList(),
            };
            await LoadEditorAsync(ct);
        });

        // A sent quote is read on the quotes' list, not edited: the client's link shows it as it was sent.
        return Quote is { Status: not QuoteStatus.Draft } ? Redirect("/devis") : page;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var saved = await update.HandleAsync(id, new QuoteInput(Input.ToInput(), Input.ValidUntil), Actor, ct);
            return Redirect($"/devis?fait={Uri.EscapeDataString($"Devis {saved.Number} enregistré.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(id, ct) : result;
    }

    public async Task<IActionResult> OnPostAddLineAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await AddLineAsync(c => ShowAsync(id, c), ct);
    }

    public async Task<IActionResult> OnPostAddUsualLineAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await AddUsualLineAsync(c => ShowAsync(id, c), ct);
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(Guid id, int remove, CancellationToken ct)
    {
        await LoadActorAsync();
        return await RemoveLineAsync(remove, c => ShowAsync(id, c), ct);
    }

    public async Task<IActionResult> OnPostFindClientAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await FindClientAsync(c => ShowAsync(id, c), ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(async () =>
        {
            Quote = await quotes.HandleAsync(id, Actor, ct);
            await LoadEditorAsync(ct);
        });

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
