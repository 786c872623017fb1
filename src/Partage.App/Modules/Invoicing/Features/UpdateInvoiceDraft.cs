using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A draft rewritten whole (client, dates, lines) while it is still a draft.</summary>
public sealed class UpdateInvoiceDraft(PartageDbContext db, DraftRules rules, InvoiceIssuer issuer, IAuditLog audit, GetInvoice views)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, DraftInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (invoice, _) = await issuer.EditableDraftAsync(id, actor, ct);
        var (client, content) = await rules.CheckAsync(input with { ActivityId = invoice.ActivityId.ToString() }, actor, invoice.MemberId, ct);
        db.RemoveRange(invoice.Lines);
        invoice.Lines.Clear();
        var before = new { invoice.ClientId, invoice.NetCents };
        invoice.ClientId = client.Id;
        DraftRules.Apply(invoice, content);
        db.AddRange(invoice.Lines);
        audit.Record(actor, "invoicing.draft_updated", "invoice", invoice.Id.ToString(), before, new { ClientId = client.Id.Value, invoice.NetCents });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPut("/{id:guid}", async (Guid id, DraftInput input, UpdateInvoiceDraft handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateInvoiceDraft").WithSummary("Modifier un brouillon").ProducesProblems();
    }
}
