using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The column and direction asked ("due", "-amount"); the newest first by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public PagedResult<InvoiceListItem>? Result { get; private set; }

    /// <summary>The order shown (the default when what was asked does not exist: the page says so).</summary>
    public SortOrder Order { get; private set; } = SearchInvoices.Newest;

    public string PageUrl(int page) => ListUrl("/factures", Sort, page);

    /// <summary>A column header's link: sorted by it, or the other way round if it is the current order; back to the first page.</summary>
    public string SortUrl(string column) => ListUrl("/factures", Order.By(column).ToString(), null);

    /// <summary>The export of what the list shows (every page), in the order shown.</summary>
    public string ExportUrl(string handler) => ListUrl("/factures", Sort, null) is var url && url.Contains('?', StringComparison.Ordinal) ? $"{url}&handler={handler}" : $"{url}?handler={handler}";

    private string ListUrl(string path, string? sort, int? page) => ListAddress.Of(path, Status, sort, page);

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
            await ReadAsync(ct);
        });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ReadAsync(ct));
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync(async () =>
    {
        var (headers, rows) = await views.ExportAsync(Status, null, Sort, Actor, ct);
        var output = new MemoryStream();
        await SpreadsheetCsv.WriteAsync(output, headers, rows, ct);
        return File(output.ToArray(), "text/csv; charset=utf-8", "factures.csv");
    });

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => DownloadAsync(async () =>
    {
        var (headers, rows) = await views.ExportAsync(Status, null, Sort, Actor, ct);
        var output = new MemoryStream();
        await SpreadsheetXlsx.WriteAsync(output, "Factures", headers, rows, ct);
        return File(output.ToArray(), SpreadsheetXlsx.ContentType, "factures.xlsx");
    });

    /// <summary>The page of the list; a status or an order that does not exist is told on the page, and the list shown unfiltered, newest first.</summary>
    private async Task ReadAsync(CancellationToken ct)
    {
        try
        {
            Order = SortOrder.Parse(Sort, SearchInvoices.Columns, SearchInvoices.Newest);
            Result = await views.HandleAsync(Status, null, Sort, new PageRequest(PageNumber, null), Actor, ct);
        }
        catch (InputValidationException e)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", e.Errors.SelectMany(f => f.Value)));
            (Status, Sort, Order) = (null, null, SearchInvoices.Newest);
            Result = await views.HandleAsync(null, null, null, new PageRequest(PageNumber, null), Actor, ct);
        }
    }
}
