using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// Issues the invoice of an accepted quote: the same lines, the acceptance as the confirmed
/// order. One transaction that first marks the quote invoiced: of two clicks, the second finds
/// the quote taken (409) and no second invoice, number or sale entry is made.
/// </summary>
public sealed class InvoiceQuote(PartageDbContext db, QuoteRecords records, CreateInvoiceDraft createDraft, IssueInvoice issue)
{
    public async Task<InvoiceView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var quote = await records.LoadAsync(id, actor, ct);
        quote.MarkInvoiced();
        await db.SaveChangesAsync(ct);
        var accepted = $"Devis {quote.Number} accepté le {ParisTime.Local(quote.RespondedAt!.Value):dd/MM/yyyy} par {quote.RespondentName}";
        var draft = await createDraft.HandleAsync(new DraftInput(quote.ActivityId.ToString(), quote.ClientId.ToString(), quote.ServiceFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            quote.ServiceTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quote.BuyerReference, accepted.Length > 100 ? accepted[..100] : accepted, null, quote.Lines), actor, ct);
        var invoice = await issue.HandleAsync(draft.Id, actor, ct);
        quote.InvoiceId = invoice.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return invoice;
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapPost("/{id:guid}/invoice", async (Guid id, InvoiceQuote handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("InvoiceQuote").WithSummary("Émettre la facture d'un devis accepté").ProducesProblems();
    }
}
