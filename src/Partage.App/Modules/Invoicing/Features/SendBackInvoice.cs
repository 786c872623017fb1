using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// The manager (or finance) does not validate an invoice as it is: it goes back to the member as a draft, with the reason,
/// which the member reads on the invoice and in a notification; the member corrects it and submits it again.
/// </summary>
public sealed class SendBackInvoice(PartageDbContext db, InvoiceIssuer issuer, INotificationsApi notifications, IAuditLog audit, GetInvoice views)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, SendBackInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (invoice, activity) = await issuer.LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanValidate(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var reason = input.CheckedReason();
        invoice.SendBack(reason);
        audit.Record(actor, "invoicing.sent_back", "invoice", invoice.Id.ToString(), new { Status = InvoiceStatus.PendingValidation }, new { Status = InvoiceStatus.Draft, Reason = reason });
        await notifications.NotifyMemberAsync(invoice.MemberId, NoticeKind.InvoiceReturned,
            $"Votre facture de {invoice.Gross.ToDisplayString()} TTC ({activity.Name}) vous est renvoyée : {reason}", $"/factures/{invoice.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/send-back", async (Guid id, SendBackInput input, SendBackInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SendBackInvoice").WithSummary("Renvoyer au membre, avec un motif, une facture en attente de validation (gestionnaire d'activité, finance)").ProducesProblems();
    }
}
