using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A new draft with the same activity, client, references and lines as an invoice (a monthly course, a tour's next
/// date), dated today. It goes through the draft's own rules, so a VAT rate no longer in force is caught there.
/// </summary>
public sealed class DuplicateInvoice(PartageDbContext db, CreateInvoiceDraft createDraft, TimeProvider clock)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var source = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).Visible(actor).SingleOrDefaultAsync(i => i.Id == id && i.Kind == InvoiceKind.Invoice, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        var lines = source.Lines.OrderBy(l => l.Position)
            .Select(l => new InvoiceLineInput(l.Description, l.Quantity.ToString(CultureInfo.InvariantCulture), l.Unit, l.UnitPrice.ToString(CultureInfo.InvariantCulture), l.VatCode))
            .ToList();
        var today = clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await createDraft.HandleAsync(
            new DraftInput(source.ActivityId.ToString(), source.ClientId.ToString(), today, null, source.BuyerReference, null, source.PaymentTermsDays, lines), actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/duplicate", async (Guid id, DuplicateInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/invoices/{invoice.Id}", invoice);
            })
            .WithName("DuplicateInvoice").WithSummary("Dupliquer une facture en un nouveau brouillon").ProducesProblems();
    }
}
