using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

public enum QuoteStatus
{
    Draft,
    Sent,
    Accepted,
    Refused,
    Invoiced,
}

/// <summary>A quote ("devis") to a client for an activity; accepted online, it becomes an invoice in one click.</summary>
public sealed class Quote : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public LegalEntityId LegalEntityId { get; init; }

    public ActivityId ActivityId { get; init; }

    public MemberId MemberId { get; init; }

    public OfficeId OfficeId { get; init; }

    public ClientId ClientId { get; init; }

    public DateOnly ServiceFrom { get; init; }

    public DateOnly ServiceTo { get; init; }

    public string? BuyerReference { get; init; }

    /// <summary>The lines as typed (what an invoice draft is made from); figures below computed from them.</summary>
    public string LinesJson { get; init; } = "[]";

    public long NetCents { get; init; }

    public long VatCents { get; init; }

    public long GrossCents { get; init; }

    public DateOnly ValidUntil { get; init; }

    /// <summary>Moved only by the transitions below (sent, answered, invoiced), each refusing a move out of the quote's life.</summary>
    public QuoteStatus Status { get; private set; } = QuoteStatus.Draft;

    public DateTime? SentAt { get; set; }

    public DateTime? RespondedAt { get; set; }

    public string? RespondentName { get; set; }

    public string? RespondentIp { get; set; }

    public InvoiceId? InvoiceId { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public IReadOnlyList<InvoiceLineInput> Lines => JsonSerializer.Deserialize<List<InvoiceLineInput>>(LinesJson) ?? [];
    /// <summary>Sent to the client (again, while unanswered).</summary>
    public void MarkSent() => MoveTo(QuoteStatus.Sent, InvoicingErrors.QuoteAnswered, QuoteStatus.Draft, QuoteStatus.Sent);

    /// <summary>The client's answer through the signed link: once.</summary>
    public void Answer(bool accept) => MoveTo(accept ? QuoteStatus.Accepted : QuoteStatus.Refused, InvoicingErrors.QuoteAnswered, QuoteStatus.Sent);

    /// <summary>Its invoice issued: only an accepted quote, only once.</summary>
    public void MarkInvoiced() => MoveTo(QuoteStatus.Invoiced, InvoicingErrors.QuoteNotAccepted, QuoteStatus.Accepted);

    private void MoveTo(QuoteStatus next, ErrorCode refused, params IReadOnlyCollection<QuoteStatus> from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(refused);
        }

        Status = next;
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("quotes");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Number).HasMaxLength(35);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(q => q.BuyerReference).HasMaxLength(100);
        builder.Property(q => q.RespondentName).HasMaxLength(150);
        builder.Property(q => q.RespondentIp).HasMaxLength(45);
        builder.Property(q => q.CreatedBy).HasMaxLength(200);
        builder.HasIndex(q => new { q.LegalEntityId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.MemberId, q.Status });
        builder.Ignore(q => q.Lines);
        builder.HasOne<Activity>().WithMany().HasForeignKey(q => q.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(q => q.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record QuoteInput(DraftInput? Draft, string? ValidUntil);

public sealed record QuoteView(Guid Id, string Number, string EntityCode, ActivityId ActivityId, string ClientName, string? ClientEmail, DateOnly ValidUntil, QuoteStatus Status,
    IReadOnlyList<InvoiceLineInput> Lines, Money Net, Money Vat, Money Gross, DateTime? RespondedAt, string? RespondentName, InvoiceId? InvoiceId);

public static class QuoteLabels
{
    public static string Status(QuoteStatus status) => status switch
    {
        QuoteStatus.Draft => "Brouillon",
        QuoteStatus.Sent => "Envoyé, en attente de réponse",
        QuoteStatus.Accepted => "Accepté (bon pour accord)",
        QuoteStatus.Refused => "Refusé",
        _ => "Facturé",
    };
}

/// <summary>
/// Quotes: written like an invoice draft (same checks), numbered per entity, sent by e-mail with a
/// signed link that expires with the quote's validity; the client accepts ("bon pour accord": name,
/// time and IP kept) or refuses online; an accepted quote becomes an issued invoice in one click,
/// whose purchase-order mention records the acceptance (a confirmed order for the guarantee fund).
/// </summary>
public sealed class Quotes(
    PartageDbContext db, DraftRules draftRules, CreateInvoiceDraft createDraft, IssueInvoice issue, IActivitiesApi activities, IClientsApi clients, ILegalEntitiesApi entities, NumberSeries numbers,
    Outbox outbox, IDataProtectionProvider protection, IAuditLog audit, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>
    /// The link carries the quote's id and the instant it expires, signed. The expiry is checked
    /// here against the injected clock: ASP.NET's time-limited protector reads the machine's clock,
    /// which disagrees with the quote's validity whenever the two clocks differ (tests, replays).
    /// </summary>
    private IDataProtector Links => protection.CreateProtector("quote-response-link:v2");

    private DateOnly Today => clock.Today();

    public async Task<QuoteView> CreateAsync(QuoteInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draft = input.Draft ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Draft"] = ["Le devis est vide."] });
        var v = new Validation();
        var activityId = v.Id<ActivityId>("ActivityId", "L'activité", draft.ActivityId, required: true);
        var validUntil = v.Date(nameof(input.ValidUntil), "La date de validité", input.ValidUntil, required: false) ?? Today.AddDays(30);
        if (validUntil < Today)
        {
            v.Add(nameof(input.ValidUntil), "La date de validité est passée.");
        }

        v.ThrowIfInvalid();
        var activity = await activities.FindVisibleAsync(activityId!.Value, actor, ct);
        if (activity is null || !InvoicingAccess.CanEdit(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var (client, content) = await draftRules.CheckAsync(draft, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Code == activity.LegalEntityCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var quote = new Quote
        {
            Id = Guid.CreateVersion7(), Number = $"DV-{entity.Code}-{Today.Year}-{await numbers.NextAsync($"quote:{entity.Id}", ct):D6}", LegalEntityId = entity.Id, ActivityId = activity.Id,
            MemberId = activity.MemberId, OfficeId = activity.OfficeId, ClientId = client.Id, ServiceFrom = content.From, ServiceTo = content.To, BuyerReference = content.BuyerReference,
            LinesJson = JsonSerializer.Serialize(content.Lines.Select(l => new InvoiceLineInput(l.Description, l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Unit,
                l.UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), l.VatCode)).ToList()),
            NetCents = content.Totals.Net.Cents, VatCents = content.Totals.Vat.Cents, GrossCents = content.Totals.Gross.Cents, ValidUntil = validUntil,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(quote);
        audit.Record(actor, "invoicing.quote_created", "quote", quote.Id.ToString(), null, new { quote.Number, quote.GrossCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ViewAsync(quote, ct);
    }

    public async Task<QuoteView> FindAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        await ViewAsync(await LoadAsync(id, actor, ct), ct);

    public async Task<IReadOnlyList<QuoteView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Quote>().AsNoTracking();
        query = actor.IsCooperativeStaff ? query
            : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? query.Where(q => q.OfficeId == office)
            : actor.MemberId is { } member ? query.Where(q => q.MemberId == member) : query.Where(_ => false);
        var rows = await query.OrderByDescending(q => q.CreatedAt).Take(200).ToListAsync(ct);
        var found = await clients.FindManyAsync(rows.Select(q => q.ClientId).ToList(), ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        return rows.Select(q => View(q, found.GetValueOrDefault(q.ClientId), codes[q.LegalEntityId])).ToList();
    }

    /// <summary>E-mails the quote to the client's billing address with the signed link to answer it; returns the link.</summary>
    public async Task<string> SendAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var quote = await LoadAsync(id, actor, ct);
        quote.MarkSent();   // refused once answered; saved only with the outbox mail below

        var client = await clients.FindAsync(quote.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (client.BillingEmail is null)
        {
            throw new DomainException(InvoicingErrors.ClientIncomplete, "Le client n'a pas d'e-mail de facturation : complétez le client pour lui envoyer le devis.");
        }

        // Valid "until" a day means until that day ends in Paris.
        var expires = ParisTime.EndOf(quote.ValidUntil);
        var token = Links.Protect($"{quote.Id}|{expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var link = $"{configuration["App:PublicUrl"]?.TrimEnd('/')}/devis/reponse/{token}";   // required outside Development (RequiredSettings)
        var view = await ViewAsync(quote, ct);
        outbox.Enqueue(client.BillingEmail, $"Devis {quote.Number} — {view.Gross.ToDisplayString()} TTC",
            $"""
            Bonjour,

            Voici notre devis {quote.Number} : {view.Net.ToDisplayString()} HT, {view.Gross.ToDisplayString()} TTC, valable jusqu'au {quote.ValidUntil:dd/MM/yyyy}.
            {string.Join(Environment.NewLine, view.Lines.Select(l => $"- {l.Description} : {l.Quantity} × {l.UnitPrice} € HT"))}

            Pour l'accepter (bon pour accord) ou le refuser : {link}

            {(await entities.ListAsync(ct)).Single(e => e.Id == quote.LegalEntityId).Name}
            """);
        quote.SentAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "invoicing.quote_sent", "quote", quote.Id.ToString(), null, new { quote.Number, client.BillingEmail });
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>The quote a response link names, or null when the link is forged or expired.</summary>
    public async Task<QuoteView?> FromLinkAsync(string token, CancellationToken ct = default) =>
        await QuoteOfLinkAsync(token, ct) is { } quote ? await ViewAsync(quote, ct) : null;

    public async Task<QuoteView> RespondAsync(string token, bool accept, string? name, string? ip, CancellationToken ct = default)
    {
        var quote = await QuoteOfLinkAsync(token, ct) ?? throw new DomainException(InvoicingErrors.QuoteLinkInvalid);
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
        return await ViewAsync(quote, ct);
    }

    /// <summary>
    /// Issues the invoice of an accepted quote: the same lines, the acceptance as the confirmed
    /// order. One transaction that first marks the quote invoiced: of two clicks, the second finds
    /// the quote taken (409) and no second invoice, number or sale entry is made.
    /// </summary>
    public async Task<InvoiceView> InvoiceAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var quote = await LoadAsync(id, actor, ct);
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

    private async Task<Quote?> QuoteOfLinkAsync(string token, CancellationToken ct)
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

    private async Task<Quote> LoadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var quote = await db.Set<Quote>().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(quote.ActivityId, actor, ct);
        return activity is not null && InvoicingAccess.CanEdit(actor, activity) ? quote : throw new DomainException(InvoicingErrors.NotFound);
    }

    private async Task<QuoteView> ViewAsync(Quote q, CancellationToken ct) =>
        View(q, await clients.FindAsync(q.ClientId, ct), (await entities.ListAsync(ct)).Single(e => e.Id == q.LegalEntityId).Code);

    private static QuoteView View(Quote q, ClientView? client, string code) =>
        new(q.Id, q.Number, code, q.ActivityId, client?.Name ?? "?", client?.BillingEmail, q.ValidUntil, q.Status, q.Lines, Money.Eur(q.NetCents), Money.Eur(q.VatCents),
            Money.Eur(q.GrossCents), q.RespondedAt, q.RespondentName, q.InvoiceId);

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/", async (Quotes q, ActorAccessor actors, CancellationToken ct) => await q.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("ListQuotes").WithSummary("Devis visibles");
        quotes.MapPost("/", async (QuoteInput input, Quotes q, ActorAccessor actors, CancellationToken ct) =>
            {
                var quote = await q.CreateAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/quotes/{quote.Id}", quote);
            })
            .WithName("CreateQuote").WithSummary("Nouveau devis").ProducesProblems();
        quotes.MapGet("/{id:guid}", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) => await q.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetQuote").WithSummary("Un devis").ProducesProblems();
        quotes.MapPost("/{id:guid}/send", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) =>
                new { Link = await q.SendAsync(id, await actors.GetAsync(ct), ct) })
            .WithName("SendQuote").WithSummary("Envoyer le devis au client (e-mail avec lien de réponse signé)").ProducesProblems();
        quotes.MapPost("/{id:guid}/invoice", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) =>
                await q.InvoiceAsync(id, await actors.GetAsync(ct), ct))
            .WithName("InvoiceQuote").WithSummary("Émettre la facture d'un devis accepté").ProducesProblems();
    }
}
