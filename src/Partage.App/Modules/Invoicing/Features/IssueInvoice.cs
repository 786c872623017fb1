using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>Issues a draft, or sends it to the manager when a member's invoice is above the validation threshold.</summary>
public sealed class IssueInvoice(PartageDbContext db, InvoiceIssuer issuer, INotificationsApi notifications, IAuditLog audit, GetInvoice views, IOptions<InvoicingOptions> options)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await issuer.EditableDraftAsync(id, actor, ct);

        if (!InvoicingAccess.CanValidate(actor, activity) && invoice.GrossCents > options.Value.ValidationThresholdCents)
        {
            invoice.AwaitValidation();
            audit.Record(actor, "invoicing.validation_requested", "invoice", invoice.Id.ToString(), null, new { invoice.GrossCents });
            await notifications.NotifyManagersAsync(invoice.OfficeId, NoticeKind.InvoiceToValidate,
                $"Facture à valider : {invoice.Gross.ToDisplayString()} TTC, activité {activity.Name} ({activity.MemberName})", $"/factures/{invoice.Id}", actor, ct);
            await db.SaveChangesAsync(ct);
            return await views.HandleAsync(id, actor, ct);
        }

        return await issuer.IssueAsync(invoice, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/issue", async (Guid id, IssueInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("IssueInvoice").WithSummary("Émettre (ou soumettre à validation au-delà du seuil)").ProducesProblems();
    }
}
