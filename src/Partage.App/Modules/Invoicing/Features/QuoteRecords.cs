using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// What the quote's use cases share. Quotes: written like an invoice draft (same checks), numbered per entity, sent by e-mail with a
/// signed link that expires with the quote's validity; the client accepts ("bon pour accord": name,
/// time and IP kept) or refuses online; an accepted quote becomes an issued invoice in one click,
/// whose purchase-order mention records the acceptance (a confirmed order for the guarantee fund).
/// </summary>
public sealed class QuoteRecords(
    PartageDbContext db, IActivitiesApi activities, IClientsApi clients, ILegalEntitiesApi entities, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>
    /// The link carries the quote's id and the instant it expires, signed. The expiry is checked
    /// here against the injected clock: ASP.NET's time-limited protector reads the machine's clock,
    /// which disagrees with the quote's validity whenever the two clocks differ (tests, replays).
    /// </summary>
    private IDataProtector Links => protection.CreateProtector("quote-response-link:v2");

    /// <summary>The signed token of a quote's response link, valid until its validity day ends in Paris.</summary>
    internal string LinkToken(Quote quote)
    {
        var expires = ParisTime.EndOf(quote.ValidUntil);
        return Links.Protect($"{quote.Id}|{expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The quote a response link names (tracked), or null when the link is forged or expired.</summary>
    internal async Task<Quote?> OfLinkAsync(string token, CancellationToken ct)
    {
        try
        {
            var parts = Links.Unprotect(token).Split('|');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id)
                || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
                || clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
            {
                return null;
            }

            return await db.Set<Quote>().SingleOrDefaultAsync(q => q.Id == id, ct);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The quote, tracked, if the actor may edit its activity (else 404).</summary>
    internal async Task<Quote> LoadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var quote = await db.Set<Quote>().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(quote.ActivityId, actor, ct);
        return activity is not null && InvoicingAccess.CanEdit(actor, activity) ? quote : throw new DomainException(InvoicingErrors.NotFound);
    }

    internal async Task<QuoteView> ViewAsync(Quote q, CancellationToken ct) =>
        View(q, await clients.FindAsync(q.ClientId, ct), (await entities.ListAsync(ct)).Single(e => e.Id == q.LegalEntityId).Code);

    internal static QuoteView View(Quote q, ClientView? client, string code) =>
        new(q.Id, q.Number, code, q.ActivityId, client?.Name ?? "?", client?.BillingEmail, q.ValidUntil, q.Status, q.Lines, Money.Eur(q.NetCents), Money.Eur(q.VatCents),
            Money.Eur(q.GrossCents), q.RespondedAt, q.RespondentName, q.InvoiceId)
        {
            ClientId = q.ClientId, ServiceFrom = q.ServiceFrom, ServiceTo = q.ServiceTo, BuyerReference = q.BuyerReference,
        };
}
