using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record InvoiceListItem(InvoiceId Id, InvoiceKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, string ClientName, string ActivityName, Money Gross, Money Remaining);

/// <summary>The invoices and credit notes the reader may see, newest first, by status and activity.</summary>
public sealed class SearchInvoices(PartageDbContext db, IActivitiesApi activities, IClientsApi clients)
{
    public async Task<PagedResult<InvoiceListItem>> HandleAsync(string? status, ActivityId? activity, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Invoice>().AsNoTracking().Visible(actor);
        if (Enum.TryParse<InvoiceStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(i => i.Status == s);
        }

        if (activity is { } a)
        {
            query = query.Where(i => i.ActivityId == a);
        }

        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Kind, i.Status, i.Number, i.IssueDate, i.DueDate, i.ClientId, i.ActivityId, i.GrossCents, Paid = i.Payments.Sum(p => p.AmountCents) })
            .ToPageAsync(page, ct);
        var names = await clients.NamesAsync(rows.Items.Select(r => r.ClientId).ToList(), ct);

        var activityNames = await activities.NamesAsync(rows.Items.Select(r => r.ActivityId).ToList(), ct);

        return new PagedResult<InvoiceListItem>(
            rows.Items.Select(r => new InvoiceListItem(r.Id, r.Kind, r.Status, r.Number, r.IssueDate, r.DueDate, names.GetValueOrDefault(r.ClientId, "?"), activityNames.GetValueOrDefault(r.ActivityId, "?"),
                Money.Eur(r.GrossCents), Money.Eur(r.GrossCents - r.Paid))).ToList(),
            rows.Page, rows.PageSize, rows.Total);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/", async (string? status, Guid? activity, int? page, int? pageSize, SearchInvoices views, ActorAccessor actors, CancellationToken ct) =>
                await views.HandleAsync(status, activity is { } a ? ActivityId.From(a) : null, new Infrastructure.PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("SearchInvoices").WithSummary("Factures et avoirs visibles (statut, activité)");
    }
}
