using System.Text.Json;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A new quote, checked like an invoice draft, numbered in the entity's quote series, valid 30 days unless said.</summary>
public sealed class CreateQuote(PartageDbContext db, QuoteRecords records, DraftRules draftRules, IActivitiesApi activities, ILegalEntitiesApi entities, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    public async Task<QuoteView> HandleAsync(QuoteInput input, Actor actor, CancellationToken ct = default)
    {
        var (activity, client, content, validUntil) = await CheckAsync(input, actor, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Code == activity.LegalEntityCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var quote = new Quote
        {
            Id = Guid.CreateVersion7(), Number = $"DV-{entity.Code}-{clock.Today().Year}-{await numbers.NextAsync($"quote:{entity.Id}", ct):D6}", LegalEntityId = entity.Id, ActivityId = activity.Id,
            MemberId = activity.MemberId, OfficeId = activity.OfficeId, ClientId = client.Id, ServiceFrom = content.From, ServiceTo = content.To, BuyerReference = content.BuyerReference,
            LinesJson = LinesJson(content), NetCents = content.Totals.Net.Cents, VatCents = content.Totals.Vat.Cents, GrossCents = content.Totals.Gross.Cents, ValidUntil = validUntil,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(quote);
        audit.Record(actor, "invoicing.quote_created", "quote", quote.Id.ToString(), null, new { quote.Number, quote.GrossCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await records.ViewAsync(quote, ct);
    }

    /// <summary>A quote's content checked as an invoice draft's, with its validity (30 days by default, never past); the activity must be the actor's to edit.</summary>
    internal async Task<(ActivityView Activity, Clients.ClientView Client, DraftRules.DraftContent Content, DateOnly ValidUntil)> CheckAsync(QuoteInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draft = input.Draft ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Draft"] = ["Le devis est vide."] });
        var v = new Validation();
        var activityId = v.Id<ActivityId>("ActivityId", "L'activité", draft.ActivityId, required: true);
        var validUntil = v.Date(nameof(input.ValidUntil), "La date de validité", input.ValidUntil, required: false) ?? clock.Today().AddDays(30);
        if (validUntil < clock.Today())
        {
            v.Add(nameof(input.ValidUntil), "La date de validité est passée.");
        }

        v.ThrowIfInvalid();
        var activity = await activities.FindVisibleAsync(activityId!.Value, actor, ct);
        if (activity is null || !InvoicingAccess.CanEdit(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var (client, content) = await draftRules.CheckAsync(draft, actor, activity.MemberId, ct);
        return (activity, client, content, validUntil);
    }

    /// <summary>The lines as they are kept on a quote: checked, written back the invariant way (what an invoice draft is made from).</summary>
    internal static string LinesJson(DraftRules.DraftContent content) =>
        JsonSerializer.Serialize(content.Lines.Select(l => new InvoiceLineInput(l.Description, l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Unit,
            l.UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), l.VatCode)).ToList());

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapPost("/", async (QuoteInput input, CreateQuote handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var quote = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/quotes/{quote.Id}", quote);
            })
            .WithName("CreateQuote").WithSummary("Nouveau devis").ProducesProblems();
    }
}
