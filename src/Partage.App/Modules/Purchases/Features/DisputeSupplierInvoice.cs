using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

public sealed record DisputeSupplierInvoiceInput(string? Reason);

/// <summary>
/// Contests a supplier's invoice not yet approved: nothing is posted or paid, and the status "en litige" (207) goes
/// back to the supplier with the reason, who answers with a credit note or a corrected invoice.
/// </summary>
public sealed class DisputeSupplierInvoice(PartageDbContext db, IInvoicingApi invoicing, IAuditLog audit, GetSupplierInvoice views, TimeProvider clock)
{
    public async Task<SupplierInvoiceView> HandleAsync(SupplierInvoiceId id, DisputeSupplierInvoiceInput input, Actor actor, CancellationToken ct = default)
    {
        var reason = input?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 300)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Reason"] = ["Dites au fournisseur ce qui ne va pas (300 caractères au plus)."] });
        }

        var invoice = await db.Set<SupplierInvoice>().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !PurchasesAccess.CanDecide(actor, invoice))
        {
            throw new DomainException(PurchasesErrors.NotFound);
        }

        invoice.Dispute(reason, actor.Name, clock.GetUtcNow().UtcDateTime);
        await invoicing.QueueSupplierStatusAsync(invoice.LegalEntityId, invoice.Reference, 207, new BuyerReason("AUTRE", reason), ct);
        audit.Record(actor, "purchases.invoice_disputed", "supplier_invoice", invoice.Id.ToString(), new { Status = SupplierInvoiceStatus.ToApprove }, new { Reason = reason });
        await db.SaveChangesAsync(ct);   // the row's version: of two decisions at the same moment, the second fails whole
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/supplier-invoices/{id:guid}/dispute", async (Guid id, DisputeSupplierInvoiceInput input, DisputeSupplierInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(SupplierInvoiceId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("DisputeSupplierInvoice").WithSummary("Contester une facture de fournisseur (le statut « en litige » lui est renvoyé)").ProducesProblems();
}
