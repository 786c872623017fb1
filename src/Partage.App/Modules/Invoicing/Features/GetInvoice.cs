using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Platform;
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
    IReadOnlyList<InvoicePaymentView> Payments, VatRegime Regime, DateTime? SentAt, string? SentTo)
{
    /// <summary>Why a manager sent the draft back, until it is submitted again.</summary>
    public string? ReturnReason { get; init; }

    /// <summary>Its life at the accredited platform, oldest first (empty when it did not go through one).</summary>
    public IReadOnlyList<LifecycleStatusView> PlatformStatuses { get; init; } = [];

    /// <summary>Why the platform could not take it yet or at all, while its flow waits or has failed.</summary>
    public string? PlatformProblem { get; init; }

    /// <summary>Queued for the platform and not taken yet.</summary>
    public bool PlatformQueued { get; init; }
}

/// <summary>One status of the invoice at the platform (CDAR code, its French words, when, why, given by whom).</summary>
public sealed record LifecycleStatusView(int Code, string Label, DateTime At, string? Reason, string Source, bool NeedsAttention);

/// <summary>An invoice or credit note with its lines, totals, payments and links, as its reader may see it (else 404).</summary>
public sealed class GetInvoice(PartageDbContext db, IActivitiesApi activities, IClientsApi clients, ILegalEntitiesApi entities)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
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
        var statuses = await db.Set<InvoiceLifecycleEvent>().AsNoTracking().Where(e => e.InvoiceId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var outgoing = await db.Set<PlatformFlow>().AsNoTracking()
            .Where(f => f.InvoiceId == id && f.Direction == FlowDirection.Out && f.Kind == PlatformFlowKind.Invoice).SingleOrDefaultAsync(ct);
        return new InvoiceView(
            invoice.Id, invoice.Kind, invoice.Status, invoice.Number, entity.Code, invoice.ActivityId, activity.Name, invoice.ClientId,
            invoice.PartiesJson is { } json ? InvoiceParties.FromJson(json).Buyer.Name : client.Name,
            invoice.IssueDate, invoice.DueDate, invoice.PaymentTermsDays, invoice.ServiceFrom, invoice.ServiceTo, invoice.BuyerReference, invoice.PurchaseOrder,
            rules.Select(x => new InvoiceLineView(x.l.Position, x.l.Description, x.l.Quantity, x.l.Unit, x.l.UnitPrice, x.l.VatCode, x.Rule.Label, Money.Eur(x.l.NetCents))).ToList(),
            InvoiceCalculator.Totals(rules.Select(x => (x.l.NetCents, x.Rule))), invoice.Paid, invoice.Remaining, invoice.PaymentReference,
            invoice.CreditedInvoiceId, credited, creditNote,
            invoice.Payments.OrderBy(p => p.Date).Select(p => new InvoicePaymentView(p.Date, Money.Eur(p.AmountCents), p.Reference)).ToList(),
            VatRules.RegimeFor(client), invoice.SentAt, invoice.SentTo)
        {
            ReturnReason = invoice.ReturnReason,
            PlatformStatuses = statuses.Select(e => new LifecycleStatusView(e.Code, LifecycleStatuses.Label(e.Code), e.At, e.Reason, e.Source, LifecycleStatuses.NeedsAttention(e.Code))).ToList(),
            PlatformProblem = outgoing?.State is PlatformFlowState.Queued or PlatformFlowState.Failed ? outgoing.LastError : null,
            PlatformQueued = outgoing?.State == PlatformFlowState.Queued,
        };
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/{id:guid}", async (Guid id, GetInvoice views, ActorAccessor actors, CancellationToken ct) =>
                await views.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetInvoice").WithSummary("Une facture ou un avoir").ProducesProblems();
    }
}
