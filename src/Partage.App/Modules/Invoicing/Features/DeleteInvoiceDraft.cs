using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A draft thrown away. It has no number and no entry in the books, so nothing legal is lost; the audit keeps what it
/// held. The delete is conditional on the status: a draft issued at the same moment is kept (409), never half deleted.
/// </summary>
public sealed class DeleteInvoiceDraft(PartageDbContext db, InvoiceIssuer issuer, IAuditLog audit)
{
    public async Task HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var (invoice, _) = await issuer.EditableDraftAsync(id, actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<Invoice>().Where(i => i.Id == id && i.Status == InvoiceStatus.Draft).ExecuteDeleteAsync(ct) == 0)
        {
            throw new DomainException(InvoicingErrors.NotDraft);
        }

        audit.Record(actor, "invoicing.draft_deleted", "invoice", id.ToString(), new { ClientId = invoice.ClientId.Value, invoice.NetCents, invoice.GrossCents }, null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapDelete("/{id:guid}", async (Guid id, DeleteInvoiceDraft handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteInvoiceDraft").WithSummary("Supprimer un brouillon (sans numéro, rien n'est perdu)").ProducesProblems();
    }
}
