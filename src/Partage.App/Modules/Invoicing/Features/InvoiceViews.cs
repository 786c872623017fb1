using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record InvoiceLineView(int Position, string Description, decimal Quantity, string Unit, decimal UnitPrice, string VatCode, string VatLabel, Money Net);

public sealed record InvoicePaymentView(DateOnly Date, Money Amount, string Reference);

public sealed record InvoiceView(
    InvoiceId Id, InvoiceKind Kind, InvoiceStatus Status, string? Number, string EntityCode, ActivityId ActivityId, string ActivityName,
    ClientId ClientId, string ClientName, DateOnly? IssueDate, DateOnly? DueDate, int PaymentTermsDays, DateOnly ServiceFrom, DateOnly ServiceTo,
    string? BuyerReference, string? PurchaseOrder, IReadOnlyList<InvoiceLineView> Lines, InvoiceTotals Totals, Money Paid, Money Remaining,
    string? PaymentReference, InvoiceId? CreditedInvoiceId, string? CreditedInvoiceNumber, InvoiceId? CreditNoteId,
    IReadOnlyList<InvoicePaymentView> Payments, VatRegime Regime, DateTime? SentAt, string? SentTo);

public sealed record InvoiceListItem(InvoiceId Id, InvoiceKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, string ClientName, string ActivityName, Money Gross, Money Remaining);

public sealed class InvoiceViews(PartageDbContext db, IActivitiesApi activities, IClientsApi clients, ILegalEntitiesApi entities)
{
    public async Task<InvoiceView> OneAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).Include(i => i.Payments).AsSplitQuery().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(invoice.ActivityId, actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.LegalEntityId);
        var credited = invoice.CreditedInvoiceId is { } cid
            ? await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == cid).Select(i => i.Number).SingleAsync(ct) : null;
        var creditNote = await db.Set<Invoice>().AsNoTracking().Where(i => i.CreditedInvoiceId == id).Select(i => (InvoiceId?)i.Id).SingleOrDefaultAsync(ct);
        var rules = invoice.Lines.OrderBy(l => l.Position).Select(l => (l, Rule: l.Vat)).ToList();
        return new InvoiceView(
            invoice.Id, invoice.Kind, invoice.Status, invoice.Number, entity.Code, invoice.ActivityId, activity.Name, invoice.ClientId,
            invoice.PartiesJson is { } json ? InvoiceParties.FromJson(json).Buyer.Name : client.Name,
            invoice.IssueDate, invoice.DueDate, invoice.PaymentTermsDays, invoice.ServiceFrom, invoice.ServiceTo, invoice.BuyerReference, invoice.PurchaseOrder,
            rules.Select(x => new InvoiceLineView(x.l.Position, x.l.Description, x.l.Quantity, x.l.Unit, x.l.UnitPrice, x.l.VatCode, x.Rule.Label, Money.Eur(x.l.NetCents))).ToList(),
            InvoiceCalculator.Totals(rules.Select(x => (x.l.NetCents, x.Rule))), invoice.Paid, invoice.Remaining, invoice.PaymentReference,
            invoice.CreditedInvoiceId, credited, creditNote,
            invoice.Payments.OrderBy(p => p.Date).Select(p => new InvoicePaymentView(p.Date, Money.Eur(p.AmountCents), p.Reference)).ToList(),
            VatRules.RegimeFor(client), invoice.SentAt, invoice.SentTo);
    }

    public async Task<PagedResult<InvoiceListItem>> SearchAsync(string? status, ActivityId? activity, PageRequest page, Actor actor, CancellationToken ct = default)
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
        invoices.MapGet("/", async (string? status, Guid? activity, int? page, int? size, Features.InvoiceViews views, ActorAccessor actors, CancellationToken ct) =>
                await views.SearchAsync(status, activity is { } a ? ActivityId.From(a) : null, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("SearchInvoices").WithSummary("Factures et avoirs visibles (statut, activité)");
        invoices.MapGet("/{id:guid}", async (Guid id, Features.InvoiceViews views, ActorAccessor actors, CancellationToken ct) =>
                await views.OneAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetInvoice").WithSummary("Une facture ou un avoir").ProducesProblems();
    }
}
