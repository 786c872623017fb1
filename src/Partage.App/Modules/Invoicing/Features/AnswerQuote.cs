using Partage.App.Infrastructure;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The client's answer through the signed link: accepted ("bon pour accord": name, time and IP kept) or refused, once.</summary>
public sealed class AnswerQuote(PartageDbContext db, QuoteRecords records, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The quote a response link names, or null when the link is forged or expired.</summary>
    public async Task<QuoteView?> FindAsync(string token, CancellationToken ct = default) =>
        await records.OfLinkAsync(token, ct) is { } quote ? await records.ViewAsync(quote, ct) : null;

    public async Task<QuoteView> HandleAsync(string token, bool accept, string? name, string? ip, CancellationToken ct = default)
    {
        var quote = await records.OfLinkAsync(token, ct) ?? throw new DomainException(InvoicingErrors.QuoteLinkInvalid);
        quote.Answer(accept);   // refused once answered; saved only with a valid name
        var v = new Validation();
        var who = v.Required("Name", "Votre nom", name, 150);
        v.ThrowIfInvalid();
        quote.RespondedAt = clock.GetUtcNow().UtcDateTime;
        quote.RespondentName = who;
        quote.RespondentIp = ip is { Length: > 45 } ? ip[..45] : ip;
        audit.Record(Actor.Anonymous with { Name = $"client : {who}" }, accept ? "invoicing.quote_accepted" : "invoicing.quote_refused", "quote", quote.Id.ToString(), null,
            new { quote.Number, Name = who, Ip = quote.RespondentIp });
        await db.SaveChangesAsync(ct);
        return await records.ViewAsync(quote, ct);
    }
}
