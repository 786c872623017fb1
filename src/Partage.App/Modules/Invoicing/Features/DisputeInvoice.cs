using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>Records a dispute (dunning pauses) or, with no reason, its end.</summary>
public sealed class DisputeInvoice(PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task HandleAsync(InvoiceId id, string? reason, Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<Invoice>().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !(InvoicingAccess.KeepsAccounts(actor) || actor.IsManagerOf(invoice.OfficeId)))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > 300 })
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Reason"] = ["Le motif du litige fait au plus 300 caractères."] });
        }

        var before = new { invoice.DisputedSince, invoice.DisputeReason };
        invoice.DisputedSince = text is null ? null : Today;
        invoice.DisputeReason = text;
        audit.Record(actor, text is null ? "invoicing.dispute_closed" : "invoicing.dispute_recorded", "invoice", invoice.Id.ToString(), before, new { invoice.DisputedSince, invoice.DisputeReason });
        await db.SaveChangesAsync(ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/dispute", async (Guid id, CreditNoteInput input, DisputeInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("DisputeInvoice").WithSummary("Enregistrer un litige (les relances s'arrêtent) ; sans motif, le clore").ProducesProblems();
    }
}
