using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

public sealed record AssignSupplierInvoiceInput(Guid? ActivityId);

/// <summary>
/// A manager (or finance) says which activity a supplier's invoice is for, when its reference named none or the wrong
/// one: the activity must be of the invoice's entity and one the manager may see; its member is told to approve it.
/// </summary>
public sealed class AssignSupplierInvoice(PartageDbContext db, IActivitiesApi activities, LegalEntities.ILegalEntitiesApi entities, INotificationsApi notifications, IAuditLog audit, GetSupplierInvoice views)
{
    public async Task<SupplierInvoiceView> HandleAsync(SupplierInvoiceId id, AssignSupplierInvoiceInput input, Actor actor, CancellationToken ct = default)
    {
        if (!PurchasesAccess.CanAssign(actor))
        {
            throw new DomainException(PurchasesErrors.NotFound);
        }

        var invoice = await db.Set<SupplierInvoice>().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(PurchasesErrors.NotFound);
        var activity = input?.ActivityId is { } chosen ? await activities.FindVisibleAsync(new ActivityId(chosen), actor, ct) : null;
        if (activity is null || activity.Status == ActivityStatus.Closed || !await SameEntityAsync(invoice, activity, ct))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ActivityId"] = ["Choisissez une activité ouverte de l'entité à laquelle la facture est adressée."] });
        }

        var before = new { Activity = invoice.ActivityId?.ToString() };
        invoice.AssignTo(activity.Id, activity.OfficeId, activity.MemberId);
        await notifications.NotifyMemberAsync(activity.MemberId, NoticeKind.SupplierInvoiceToApprove,
            $"Facture de {invoice.SupplierName} ({invoice.Payable.ToDisplayString()}) à approuver pour {activity.Name}", $"/achats/{invoice.Id}", actor, ct);
        audit.Record(actor, "purchases.invoice_assigned", "supplier_invoice", invoice.Id.ToString(), before, new { Activity = activity.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    private async Task<bool> SameEntityAsync(SupplierInvoice invoice, ActivityView activity, CancellationToken ct) =>
        (await entities.ListAsync(ct)).Any(e => e.Id == invoice.LegalEntityId && e.Code == activity.LegalEntityCode);

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/supplier-invoices/{id:guid}/assign", async (Guid id, AssignSupplierInvoiceInput input, AssignSupplierInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(SupplierInvoiceId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("AssignSupplierInvoice").WithSummary("Dire pour quelle activité est une facture de fournisseur (gestionnaires, finance)").ProducesProblems();
}
