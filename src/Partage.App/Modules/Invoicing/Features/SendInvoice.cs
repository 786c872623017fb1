using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// E-mails an issued invoice or credit note to the client's billing address through the outbox,
/// its Factur-X PDF attached; the invoice becomes "sent". Sending again (a lost e-mail) is allowed
/// and logged; the content never changes.
/// </summary>
public sealed class SendInvoice(
    PartageDbContext db, IActivitiesApi activities, IClientsApi clients, InvoiceDocuments documents, Outbox outbox, IAuditLog audit, GetInvoice views,
    IOptions<InvoicingOptions> options, OnBehalfOf onBehalfOf, TimeProvider clock)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(invoice.ActivityId, actor, ct);
        if (activity is null || !(InvoicingAccess.CanEdit(actor, activity) || InvoicingAccess.KeepsAccounts(actor)))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        if (invoice.Number is null || invoice.Status is InvoiceStatus.Draft or InvoiceStatus.PendingValidation)
        {
            throw new DomainException(InvoicingErrors.NotSendable);
        }

        var client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (client.BillingEmail is null)
        {
            throw new DomainException(InvoicingErrors.ClientIncomplete, "Le client n'a pas d'e-mail de facturation : complétez le client pour lui envoyer la facture.");
        }

        var document = await documents.FindAsync(invoice.Id, actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var kind = InvoiceLabels.Kind(invoice.Kind).ToLowerInvariant();
        var payment = invoice.Kind == InvoiceKind.Invoice
            ? $"À régler avant le {invoice.DueDate:dd/MM/yyyy} par virement (IBAN {options.Value.Iban}) en indiquant la référence {invoice.PaymentReference}."
            : $"Cet avoir annule la facture {document.CreditedNumber}.";
        var sender = await onBehalfOf.ForAsync(document.Parties.Seller.Name, invoice.ActivityId, invoice.MemberId, ct);
        outbox.Enqueue(client.BillingEmail, $"{InvoiceLabels.Kind(invoice.Kind)} {invoice.Number} — {Money.Eur(invoice.GrossCents).ToDisplayString()} TTC — {sender.Signature}",
            $"""
            Bonjour,

            Veuillez trouver ci-joint notre {kind} {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}, au format Factur-X (PDF lisible et données structurées) : {Money.Eur(invoice.GrossCents).ToDisplayString()} TTC.
            {payment}

            {sender.Signature}
            """,
            $"{document.FileStem}.pdf", FacturXPdf.Write(document), sender.ReplyTo);
        var before = invoice.Status;
        invoice.MarkSent();

        invoice.SentAt = clock.GetUtcNow().UtcDateTime;
        invoice.SentTo = client.BillingEmail;
        audit.Record(actor, "invoicing.sent", "invoice", invoice.Id.ToString(), new { Status = before }, new { invoice.Status, To = client.BillingEmail });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/send", async (Guid id, SendInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("SendInvoice").WithSummary("Envoyer une facture ou un avoir émis au client par e-mail (PDF Factur-X joint)").ProducesProblems();
    }
}
