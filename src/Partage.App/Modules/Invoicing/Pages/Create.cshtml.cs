using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>A new draft: the activity (the member's own, or any the user may invoice for), the client, the lines.</summary>
public sealed class CreateModel(CreateInvoiceDraft createDraft, CreateQuote createQuote, IActivitiesApi activities, IClientsApi clients) : PartagePageModel
{
    [BindProperty]
    public DraftForm Input { get; set; } = new();

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public IReadOnlyList<ClientListItem> Clients { get; private set; } = [];

    public sealed class DraftForm
    {
        public string? ActivityId { get; set; }

        public string? ClientId { get; set; }

        public string? ServiceFrom { get; set; }

        public string? ServiceTo { get; set; }

        public string? BuyerReference { get; set; }

        public string? PurchaseOrder { get; set; }

        public List<InvoiceLineInput> Lines { get; set; } = [];

        public string? ValidUntil { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? activity, string? client, CancellationToken ct)
    {
        await LoadActorAsync();
        Input.ActivityId = activity;
        Input.ClientId = client;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var f = Input;
        var result = await TryAsync(async () =>
        {
            var draft = await createDraft.HandleAsync(new DraftInput(f.ActivityId, f.ClientId, f.ServiceFrom, f.ServiceTo, f.BuyerReference, f.PurchaseOrder, null, f.Lines), Actor, ct);
            return Redirect($"/factures/{draft.Id}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var f = Input;
        var result = await TryAsync(async () =>
        {
            var quote = await createQuote.HandleAsync(new QuoteInput(new DraftInput(f.ActivityId, f.ClientId, f.ServiceFrom, f.ServiceTo, f.BuyerReference, f.PurchaseOrder, null, f.Lines), f.ValidUntil), Actor, ct);
            return Redirect($"/devis?fait={Uri.EscapeDataString($"Devis {quote.Number} enregistré.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Actor.MemberId is { } member)
        {
            Activities = (await activities.ListForMemberAsync(member, Actor, ct)).Where(a => a.Status == ActivityStatus.Active).ToList();
        }
        else if (Input.ActivityId is not null && Guid.TryParse(Input.ActivityId, out var id) && await activities.FindVisibleAsync(ActivityId.From(id), Actor, ct) is { } one)
        {
            Activities = [one];
        }

        Clients = (await clients.SearchAsync(null, new PageRequest(1, PageRequest.MaxSize), Actor, ct)).Items;
        Input.ServiceFrom ??= HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        while (Input.Lines.Count < 4)
        {
            Input.Lines.Add(new InvoiceLineInput(null, null, "C62", null, VatRules.Standard));
        }

        return Page();
    }
}
