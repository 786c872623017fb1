using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>A draft edited (client, dates, references, lines) or thrown away; once issued it no longer changes.</summary>
public sealed class EditModel(GetInvoice views, UpdateInvoiceDraft update, DeleteInvoiceDraft delete, IClientsApi clients) : DraftEditorModel(clients)
{
    public InvoiceView? Invoice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var page = await LoadAsync(async () =>
        {
            Invoice = await views.HandleAsync(InvoiceId.From(id), Actor, ct);
            Input = new DraftForm
            {
                ClientId = Invoice.ClientId.ToString(), ServiceFrom = Text(Invoice.ServiceFrom), ServiceTo = Invoice.ServiceTo == Invoice.ServiceFrom ? null : Text(Invoice.ServiceTo),
                BuyerReference = Invoice.BuyerReference, PurchaseOrder = Invoice.PurchaseOrder,
                Lines = Invoice.Lines.Select(l => new InvoiceLineInput(l.Description, Number(l.Quantity), l.Unit, Number(l.UnitPrice), l.VatCode)).ToList(),
            };
            await LoadEditorAsync(ct);
        });

        // An issued invoice is shown, not edited: its page says why it no longer changes.
        return Invoice is { Status: not InvoiceStatus.Draft } ? Redirect($"/factures/{id}") : page;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var current = await views.HandleAsync(InvoiceId.From(id), Actor, ct);
            await update.HandleAsync(current.Id, Input.ToInput(current.PaymentTermsDays), Actor, ct);
            return Redirect($"/factures/{id}?fait={Uri.EscapeDataString("Brouillon enregistré.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(id, ct) : result;
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            await delete.HandleAsync(InvoiceId.From(id), Actor, ct);
            return Redirect($"/factures?fait={Uri.EscapeDataString("Brouillon supprimé.")}");
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
            Invoice = await views.HandleAsync(InvoiceId.From(id), Actor, ct);
            await LoadEditorAsync(ct);
        });

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored quantity or price as a French reader types it back: "1 200,5", no trailing zeros.</summary>
    private static string Number(decimal value) => value.ToString("#,0.####", French.Culture);
}
