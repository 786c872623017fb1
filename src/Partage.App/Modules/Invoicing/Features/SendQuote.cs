using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;
/// <summary>
/// E-mails the quote to the client's billing address with the signed link to answer it. The link is the client's: the
/// member who sends it never gets it (the API says "sent"), or she could answer her own quote as the client.
/// </summary>
public sealed class SendQuote(PartageDbContext db, QuoteRecords records, IClientsApi clients, ILegalEntitiesApi entities, Outbox outbox, IAuditLog audit, IConfiguration configuration, OnBehalfOf onBehalfOf, TimeProvider clock)
{
    public async Task<string> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var quote = await records.LoadAsync(id, actor, ct);
        quote.MarkSent();   // refused once answered; saved only with the outbox mail below

        var client = await clients.FindAsync(quote.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (client.BillingEmail is null)
        {
            throw new DomainException(InvoicingErrors.ClientIncomplete, "Le client n'a pas d'e-mail de facturation : complétez le client pour lui envoyer le devis.");
        }

        var link = $"{configuration["App:PublicUrl"]?.TrimEnd('/')}/devis/reponse/{records.LinkToken(quote)}";   // required outside Development (RequiredSettings)
        var view = await records.ViewAsync(quote, ct);
        var sender = await onBehalfOf.ForAsync((await entities.ListAsync(ct)).Single(e => e.Id == quote.LegalEntityId).Name, quote.ActivityId, quote.MemberId, ct);
        outbox.Enqueue(client.BillingEmail, $"Devis {quote.Number} — {view.Gross.ToDisplayString()} TTC — {sender.Signature}",
            $"""
            Bonjour,

            Voici notre devis {quote.Number} : {view.Net.ToDisplayString()} HT, {view.Gross.ToDisplayString()} TTC, valable jusqu'au {quote.ValidUntil:dd/MM/yyyy}.
            {string.Join(Environment.NewLine, view.Lines.Select(l => $"- {l.Description} : {QuoteLabels.Number(l.Quantity)} × {QuoteLabels.Number(l.UnitPrice)} € HT"))}

            Pour l'accepter (bon pour accord) ou le refuser : {link}

            {sender.Signature}
            """, replyTo: sender.ReplyTo);
        quote.SentAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "invoicing.quote_sent", "quote", quote.Id.ToString(), null, new { quote.Number, client.BillingEmail });
        await db.SaveChangesAsync(ct);
        return link;
    }

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapPost("/{id:guid}/send", async (Guid id, SendQuote handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return new { Status = "sent" };
            })
            .WithName("SendQuote").WithSummary("Envoyer le devis au client (e-mail avec lien de réponse signé)").ProducesProblems();
    }
}
