using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>
/// A supplier's invoice delivered by the accredited platform (Invoicing reads the flows and hands it over, as this
/// module's <see cref="ISupplierInvoiceInbox"/>): read (Factur-X, CII or UBL), checked (<see cref="SupplierInvoiceChecks"/>),
/// taken once per supplier and number, its file kept in the attachment store, and put in the approval queue of the
/// activity its reference names (BT-10, else BT-13) — the member hears of it — or, with no activity found, of the
/// managers, who choose one. A refused invoice is not kept: the caller records the flow as rejected and sends the refusal.
/// </summary>
public sealed class ReceiveSupplierInvoice(
    PartageDbContext db, ILegalEntitiesApi entities, IActivitiesApi activities, IInvoicingApi invoicing, INotificationsApi notifications, IAttachmentStore store,
    IAuditLog audit, TimeProvider clock) : ISupplierInvoiceInbox
{
    public async Task<InboxAnswer> ReceiveAsync(InboundSupplierInvoice invoice, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        SupplierInvoiceData data;
        try
        {
            data = SupplierInvoiceReader.Read(invoice.Content);
        }
        catch (FormatException e)
        {
            return InboxAnswer.Refused(new BuyerReason("IRR_SYNTAX", e.Message), null);
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.Entity);
        var reference = data.SellerSiren is null ? null : new SupplierInvoiceReference(data.Number, data.IssueDate, data.SellerSiren, data.SellerName, data.SellerEndpoint ?? data.SellerSiren);
        if (SupplierInvoiceChecks.Problem(data, entity, invoicing) is { } problem)
        {
            return InboxAnswer.Refused(problem, reference);
        }

        if (await db.Set<SupplierInvoice>().AnyAsync(i => i.LegalEntityId == entity.Id && i.SupplierSiren == data.SellerSiren && i.InvoiceNumber == data.Number, ct))
        {
            return InboxAnswer.Refused(new BuyerReason("DOUBLON", $"La facture {data.Number} de ce fournisseur a déjà été reçue."), reference);
        }

        var activity = await activities.FindByReferenceAsync(entity.Id, data.BuyerReference, ct) ?? await activities.FindByReferenceAsync(entity.Id, data.OrderReference, ct);
        var received = await RecordAsync(entity, invoice, data, activity, actor, ct);
        var text = $"Facture de {received.SupplierName} ({received.Payable.ToDisplayString()}) à approuver" + (activity is null ? " : choisissez l'activité" : $" pour {activity.Name}");
        if (activity is not null)
        {
            await notifications.NotifyMemberAsync(activity.MemberId, NoticeKind.SupplierInvoiceToApprove, text, $"/achats/{received.Id}", actor, ct);
        }

        return InboxAnswer.Taken(reference!);
    }

    private async Task<SupplierInvoice> RecordAsync(LegalEntityView entity, InboundSupplierInvoice inbound, SupplierInvoiceData data, ActivityView? activity, Actor actor, CancellationToken ct)
    {
        var invoice = new SupplierInvoice
        {
            LegalEntityId = entity.Id, SupplierSiren = data.SellerSiren!, SupplierName = Text.Cut(data.SellerName, 200), SupplierVatNumber = data.SellerVatNumber is null ? null : Text.Cut(data.SellerVatNumber, 20),
            SupplierAddress = Text.Cut(data.SellerEndpoint ?? data.SellerSiren!, 125), SupplierIban = Iban.Parse(data.Iban).Value,
            InvoiceNumber = Text.Cut(data.Number, 60), IssueDate = data.IssueDate,
            DueDate = data.DueDate ?? data.IssueDate.AddDays(30),   // Code de commerce, art. L441-10: thirty days after delivery unless agreed
            TypeCode = data.TypeCode, NetCents = data.NetCents, VatCents = data.VatCents, TotalCents = data.TotalCents, PayableCents = data.PayableCents,
            BuyerReference = (data.BuyerReference ?? data.OrderReference) is { } given ? Text.Cut(given, 100) : null, Summary = Text.Cut(data.FirstLineName ?? data.Number, 300),
            Syntax = data.Syntax, FileName = FileName(data), FileHash = await store.PutAsync(inbound.Content, ct), PlatformFlowId = Text.Cut(inbound.FlowId, 64),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (activity is not null)
        {
            invoice.AssignTo(activity.Id, activity.OfficeId, activity.MemberId);
        }

        db.Add(invoice);
        audit.Record(actor, "purchases.invoice_received", "supplier_invoice", invoice.Id.ToString(), null,
            new { invoice.SupplierSiren, invoice.InvoiceNumber, invoice.PayableCents, invoice.FileHash, Activity = activity?.Id.ToString() });
        return invoice;
    }

    private static string FileName(SupplierInvoiceData data)
    {
        var stem = new string(data.Number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return Text.Cut($"{data.SellerSiren}-{stem}", 110) + (data.Syntax == "Factur-X" ? ".pdf" : ".xml");
    }
}
