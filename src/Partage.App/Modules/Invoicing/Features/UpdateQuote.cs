using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A draft quote rewritten before it is sent: client, dates, references, lines and validity, checked as when it was
/// created; its number and activity stay. Once sent it no longer changes (409): the client's link shows what was sent.
/// </summary>
public sealed class UpdateQuote(PartageDbContext db, QuoteRecords records, CreateQuote creation, IAuditLog audit)
{
    public async Task<QuoteView> HandleAsync(Guid id, QuoteInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var quote = await records.LoadAsync(id, actor, ct);
        if (quote.Status != QuoteStatus.Draft)
        {
            throw new DomainException(InvoicingErrors.QuoteNotDraft);
        }

        // The activity is the quote's own: its number belongs to that entity's series.
        var draft = (input.Draft ?? new DraftInput(null, null, null, null, null, null, null, null)) with { ActivityId = quote.ActivityId.ToString() };
        var (_, client, content, validUntil) = await creation.CheckAsync(input with { Draft = draft }, actor, ct);
        var before = new { quote.GrossCents, quote.ValidUntil };
        quote.Revise(client.Id, content.From, content.To, content.BuyerReference, CreateQuote.LinesJson(content), content.Totals, validUntil);
        audit.Record(actor, "invoicing.quote_updated", "quote", quote.Id.ToString(), before, new { quote.GrossCents, quote.ValidUntil });
        await db.SaveChangesAsync(ct);
        return await records.ViewAsync(quote, ct);
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapPut("/{id:guid}", async (Guid id, QuoteInput input, UpdateQuote handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, input, await actors.GetAsync(ct), ct))
            .WithName("UpdateQuote").WithSummary("Modifier un devis pas encore envoyé (client, dates, lignes, validité)").ProducesProblems();
    }
}
