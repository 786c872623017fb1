using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

public sealed class ListModel(SearchInvoices views, RunDunning dunning, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<InvoiceListItem>? Result { get; private set; }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/factures", new Dictionary<string, string?>
    {
        ["status"] = Status ?? string.Empty, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public string? Notice { get; private set; }

    public DateOnly Today => clock.Today();

    /// <summary>What is still owed on an invoice that still awaits payment; nothing for a draft, a paid, credited or written-off one.</summary>
    public static bool Owes(InvoiceListItem i) =>
        i.Kind == InvoiceKind.Invoice && i.Status is InvoiceStatus.Issued or InvoiceStatus.Sent or InvoiceStatus.PartlyPaid or InvoiceStatus.Covered;

    /// <summary>The status as a badge: its words, plus the days late when an invoice awaiting payment is past due.</summary>
    public (string Text, string Tone) Badge(InvoiceListItem i)
    {
        var late = Owes(i) && i.Status != InvoiceStatus.Covered && i.DueDate is { } due && due < Today ? Today.DayNumber - due.DayNumber : 0;
        return i.Status switch
        {
            _ when late > 0 => ($"{InvoiceLabels.Status(i.Status)}, en retard de {French.Count(late, "jour")}", "late"),
            InvoiceStatus.Draft or InvoiceStatus.PendingValidation => (InvoiceLabels.Status(i.Status), "draft"),
            InvoiceStatus.Paid => (InvoiceLabels.Status(i.Status), "done"),
            InvoiceStatus.Credited or InvoiceStatus.WrittenOff => (InvoiceLabels.Status(i.Status), "closed"),
            _ => (InvoiceLabels.Status(i.Status), "open"),
        };
    }

    public async Task<IActionResult> OnPostDunningAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () =>
        {
            var run = await dunning.HandleAsync(Actor, ct);
            Notice = $"Relances : {French.Count(run.Reminders, "rappel")}, {French.Count(run.FormalNotices, "mise en demeure", "mises en demeure")} ; {French.Count(run.Disputed, "facture en litige non relancée", "factures en litige non relancées")}.";
            Result = await views.HandleAsync(Status, null, new PageRequest(PageNumber, null), Actor, ct);
        });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(async () => Result = await views.HandleAsync(Status, null, new PageRequest(PageNumber, null), Actor, ct));
    }
}
