using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record InvoiceListItem(InvoiceId Id, InvoiceKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, string ClientName, string ActivityName, Money Gross, Money Remaining);

/// <summary>The invoices and credit notes the reader may see, newest first or in the order asked, by status and activity; as a page or as a spreadsheet.</summary>
public sealed class SearchInvoices(PartageDbContext db, IActivitiesApi activities, IClientsApi clients)
{
    /// <summary>The columns a list may be sorted by (client and activity names belong to other modules: not sortable here).</summary>
    public static readonly string[] Columns = ["created", "number", "issued", "due", "amount", "status"];

    public static readonly SortOrder Newest = new("created", true);

    public Task<PagedResult<InvoiceListItem>> HandleAsync(string? status, ActivityId? activity, PageRequest page, Actor actor, CancellationToken ct = default) =>
        HandleAsync(status, activity, null, page, actor, ct);

    public async Task<PagedResult<InvoiceListItem>> HandleAsync(string? status, ActivityId? activity, string? sort, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var rows = await Rows(Filter(status, activity, actor), SortOrder.Parse(sort, Columns, Newest)).ToPageAsync(page, ct);
        return new PagedResult<InvoiceListItem>(await ItemsAsync(rows.Items, ct), rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>Every invoice matching the filters, in the order asked, for a spreadsheet (CSV or Excel) in the staff's words.</summary>
    public async Task<(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows)> ExportAsync(string? status, ActivityId? activity, string? sort, Actor actor, CancellationToken ct = default)
    {
        var rows = await Rows(Filter(status, activity, actor), SortOrder.Parse(sort, Columns, Newest)).ToListAsync(ct);
        var items = await ItemsAsync(rows, ct);
        return (["numero", "type", "statut", "client", "activite", "emise_le", "echeance", "ttc", "reste_du"],
            items.Select(i => (IReadOnlyList<string?>)
            [
                i.Number ?? "brouillon", InvoiceLabels.Kind(i.Kind), InvoiceLabels.Status(i.Status), i.ClientName, i.ActivityName,
                i.IssueDate is { } issued ? SpreadsheetCsv.Date(issued) : null, i.DueDate is { } due ? SpreadsheetCsv.Date(due) : null,
                SpreadsheetCsv.Amount(i.Gross), SpreadsheetCsv.Amount(InvoiceStatuses.Payable.Contains(i.Status) ? i.Remaining : Money.Zero(Currency.Eur)),
            ]).ToList());
    }

    private IQueryable<Invoice> Filter(string? status, ActivityId? activity, Actor actor)
    {
        var query = db.Set<Invoice>().AsNoTracking().Visible(actor);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<InvoiceStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                var v = new Validation();
                v.Add(nameof(status), "Ce statut de facture n'existe pas.");
                v.ThrowIfInvalid();
            }

            query = query.Where(i => i.Status == s);
        }

        return activity is { } a ? query.Where(i => i.ActivityId == a) : query;
    }

    private static IQueryable<Row> Rows(IQueryable<Invoice> query, SortOrder order)
    {
        var sorted = order switch
        {
            { Column: "number", Descending: false } => query.OrderBy(i => i.Number),
            { Column: "number" } => query.OrderByDescending(i => i.Number),
            { Column: "issued", Descending: false } => query.OrderBy(i => i.IssueDate),
            { Column: "issued" } => query.OrderByDescending(i => i.IssueDate),
            { Column: "due", Descending: false } => query.OrderBy(i => i.DueDate),
            { Column: "due" } => query.OrderByDescending(i => i.DueDate),
            { Column: "amount", Descending: false } => query.OrderBy(i => i.GrossCents),
            { Column: "amount" } => query.OrderByDescending(i => i.GrossCents),
            { Column: "status", Descending: false } => query.OrderBy(i => i.Status),
            { Column: "status" } => query.OrderByDescending(i => i.Status),
            { Descending: false } => query.OrderBy(i => i.CreatedAt),
            _ => query.OrderByDescending(i => i.CreatedAt),
        };
        return sorted.ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new Row(i.Id, i.Kind, i.Status, i.Number, i.IssueDate, i.DueDate, i.ClientId, i.ActivityId, i.GrossCents, i.Payments.Sum(p => p.AmountCents)));
    }

    private sealed record Row(InvoiceId Id, InvoiceKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, ClientId ClientId, ActivityId ActivityId, long GrossCents, long Paid);

    private async Task<IReadOnlyList<InvoiceListItem>> ItemsAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var names = await clients.NamesAsync(rows.Select(r => r.ClientId).Distinct().ToList(), ct);
        var activityNames = await activities.NamesAsync(rows.Select(r => r.ActivityId).Distinct().ToList(), ct);
        return rows.Select(r => new InvoiceListItem(r.Id, r.Kind, r.Status, r.Number, r.IssueDate, r.DueDate, names.GetValueOrDefault(r.ClientId, "?"), activityNames.GetValueOrDefault(r.ActivityId, "?"),
            Money.Eur(r.GrossCents), Money.Eur(r.GrossCents - r.Paid))).ToList();
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/", async (string? status, Guid? activity, string? sort, int? page, int? pageSize, SearchInvoices views, ActorAccessor actors, CancellationToken ct) =>
                await views.HandleAsync(status, activity is { } a ? ActivityId.From(a) : null, sort, new Infrastructure.PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("SearchInvoices").WithSummary("Factures et avoirs visibles (statut, activité ; tri : created, number, issued, due, amount, status, « - » pour décroissant)").ProducesProblems();
        invoices.MapGet("/export.csv", async (string? status, Guid? activity, string? sort, SearchInvoices views, ActorAccessor actors, HttpResponse response, CancellationToken ct) =>
            {
                var (headers, rows) = await views.ExportAsync(status, activity is { } a ? ActivityId.From(a) : null, sort, await actors.GetAsync(ct), ct);
                return Results.Stream(async stream => await SpreadsheetCsv.WriteAsync(stream, headers, rows, ct), "text/csv; charset=utf-8", "factures.csv");
            })
            .WithName("ExportInvoicesCsv").WithSummary("Les factures du filtre, toutes, en CSV (tableur français)").Produces(200, contentType: "text/csv").ProducesProblems();
        invoices.MapGet("/export.xlsx", async (string? status, Guid? activity, string? sort, SearchInvoices views, ActorAccessor actors, CancellationToken ct) =>
            {
                var (headers, rows) = await views.ExportAsync(status, activity is { } a ? ActivityId.From(a) : null, sort, await actors.GetAsync(ct), ct);
                return Results.Stream(async stream => await SpreadsheetXlsx.WriteAsync(stream, "Factures", headers, rows, ct), SpreadsheetXlsx.ContentType, "factures.xlsx");
            })
            .WithName("ExportInvoicesXlsx").WithSummary("Les factures du filtre, toutes, en classeur Excel").Produces(200, contentType: SpreadsheetXlsx.ContentType).ProducesProblems();
    }
}
