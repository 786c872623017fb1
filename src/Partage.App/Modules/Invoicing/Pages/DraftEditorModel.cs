using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>
/// What the new-draft and edit-draft pages share: the form, the client search, lines added and removed, and totals
/// computed as the draft would compute them. Everything works by posting the form (no JavaScript needed); the
/// editor script only updates the totals while typing.
/// </summary>
public abstract class DraftEditorModel(IClientsApi clients) : PartagePageModel
{
    /// <summary>How many clients the drop-down shows before asking for a search.</summary>
    public const int ClientChoices = 50;

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    /// <summary>Name, SIREN or VAT number typed to narrow the client list.</summary>
    [BindProperty]
    public string? ClientSearch { get; set; }

    public IReadOnlyList<ClientListItem> Clients { get; private set; } = [];

    /// <summary>More clients match than the drop-down shows.</summary>
    public bool MoreClients { get; private set; }

    public DraftPreview Preview { get; private set; } = DraftPreview.Empty;

    /// <summary>Whether the form asks for the client's purchase order: an invoice keeps it, a quote does not (it comes before the order).</summary>
    public virtual bool TakesPurchaseOrder => true;

    /// <summary>The member's usual lines, offered to add in one choice.</summary>
    public IReadOnlyList<UsualLine> Usual { get; private set; } = [];

    /// <summary>Which usual line to add (its place in <see cref="Usual"/>).</summary>
    [BindProperty]
    public int? UsualLine { get; set; }

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

        public DraftInput ToInput(int? paymentTermsDays = null) =>
            new(ActivityId, ClientId, ServiceFrom, ServiceTo, BuyerReference, PurchaseOrder, paymentTermsDays, Lines);
    }

    /// <summary>"Ajouter une ligne": the same form again with one more empty line, nothing saved.</summary>
    protected async Task<IActionResult> AddLineAsync(Func<CancellationToken, Task<IActionResult>> show, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Lines = Filled(Input.Lines);
        Input.Lines.Add(EmptyLine);
        return await show(ct);
    }

    /// <summary>"Ajouter cette ligne": the chosen usual line added, quantity one, nothing saved.</summary>
    protected async Task<IActionResult> AddUsualLineAsync(Func<CancellationToken, Task<IActionResult>> show, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Lines = Filled(Input.Lines);
        var usual = await HttpContext.RequestServices.GetRequiredService<ListUsualLines>().HandleAsync(Actor, ct);
        if (UsualLine is { } chosen && chosen >= 0 && chosen < usual.Count)
        {
            Input.Lines.Add(usual[chosen].ToInput());
        }

        return await show(ct);
    }

    /// <summary>"Retirer": the same form without that line, nothing saved.</summary>
    protected async Task<IActionResult> RemoveLineAsync(int index, Func<CancellationToken, Task<IActionResult>> show, CancellationToken ct)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Lines.Count)
        {
            Input.Lines.RemoveAt(index);
        }

        return await show(ct);
    }

    /// <summary>"Chercher": the client list narrowed to what was typed, nothing saved.</summary>
    protected async Task<IActionResult> FindClientAsync(Func<CancellationToken, Task<IActionResult>> show, CancellationToken ct)
    {
        ModelState.Clear();
        return await show(ct);
    }

    /// <summary>
    /// The client list (searched, or the first of the directory, with the chosen client always in it), the lines
    /// compacted with one empty line to fill, the totals. Compacted, line n on screen is line n of the error messages.
    /// </summary>
    protected async Task LoadEditorAsync(CancellationToken ct)
    {
        var found = await clients.SearchAsync(ClientSearch, new PageRequest(1, ClientChoices), Actor, ct);
        var list = found.Items.ToList();
        MoreClients = found.Total > list.Count;
        if (Guid.TryParse(Input.ClientId, out var chosen) && list.All(c => c.Id.Value != chosen)
            && await clients.FindVisibleAsync(ClientId.From(chosen), Actor, ct) is { } client)
        {
            list.Insert(0, new ClientListItem(client.Id, client.Kind, client.Name, client.Country, client.Siren, client.VatNumber, client.City));
        }

        Clients = list;
        Usual = await HttpContext.RequestServices.GetRequiredService<ListUsualLines>().HandleAsync(Actor, ct);
        var today = HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today();
        Input.ServiceFrom ??= today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input.Lines = Filled(Input.Lines);
        Input.Lines.Add(EmptyLine);

        Preview = DraftPreview.Of(Input.Lines, today);
    }

    private static InvoiceLineInput EmptyLine => new(null, null, "C62", null, VatRules.Standard);

    private static bool IsEmpty(InvoiceLineInput l) =>
        string.IsNullOrWhiteSpace(l.Description) && string.IsNullOrWhiteSpace(l.Quantity) && string.IsNullOrWhiteSpace(l.UnitPrice);

    /// <summary>The lines someone typed in, in order: the draft ignores wholly empty ones, and so do its error messages' numbers.</summary>
    private static List<InvoiceLineInput> Filled(List<InvoiceLineInput> lines) => lines.Where(l => !IsEmpty(l)).ToList();
}
