using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record RequestLeaseInput(
    string? ActivityId, string? Description, string? Kind, string? Supplier, string? PriceExclVat, string? PriceInclVat, string? WishedMonths);

/// <summary>A file handed over with a request: the supplier's quote.</summary>
public sealed record LeaseQuote(string Name, byte[] Content);

/// <summary>
/// A member asks the cooperative to buy equipment for one of their activities (staff may ask on a member's behalf): what,
/// from whom, at what price, over how many months they wish to repay; the supplier's quote may come with it. The activity's
/// managers are told; the request waits for their review or finance's.
/// </summary>
public sealed class RequestLease(
    PartageDbContext db, IActivitiesApi activities, ILegalEntitiesApi entities, NumberSeries numbers, IAttachmentStore store, INotificationsApi notifications,
    LeaseViews views, IAuditLog audit, TimeProvider clock)
{
    public const int MaxQuoteBytes = 10 * 1024 * 1024;

    public async Task<LeaseView> HandleAsync(RequestLeaseInput input, LeaseQuote? quote, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = clock.Today();
        var v = new Validation();
        var activityId = v.Id<ActivityId>(nameof(input.ActivityId), "L'activité", input.ActivityId, required: true);
        var description = v.Required(nameof(input.Description), "La description du matériel", input.Description, 500);
        var kind = LeasingTerms.Kind(input.Kind?.Trim(), today);
        if (kind is null)
        {
            v.Add(nameof(input.Kind), $"Choisissez le type de matériel : {string.Join(", ", LeasingTerms.KindsOn(today).Select(k => k.Label))}.");
        }

        var supplier = v.Required(nameof(input.Supplier), "Le fournisseur", input.Supplier, 200);
        var excl = v.Amount(nameof(input.PriceExclVat), "Le prix hors taxes", input.PriceExclVat, required: true);
        var incl = v.Amount(nameof(input.PriceInclVat), "Le prix toutes taxes comprises", input.PriceInclVat, required: true);
        if (excl is { } e && incl is { } i && i < e)
        {
            v.Add(nameof(input.PriceInclVat), "Le prix TTC ne peut pas être inférieur au prix HT.");
        }

        var months = Months(v, nameof(input.WishedMonths), "La durée souhaitée", input.WishedMonths, today);
        if (quote is { } q && (q.Content.Length == 0 || q.Content.Length > MaxQuoteBytes))
        {
            v.Add("Quote", "Le devis joint est vide ou dépasse 10 Mo.");
        }

        var activity = activityId is { } a ? await ActivityAsync(a, actor, ct) : null;
        if (activity is { Status: not ActivityStatus.Active })
        {
            v.Add(nameof(input.ActivityId), "Seule une activité ouverte peut demander du matériel.");
        }

        v.ThrowIfInvalid();
        var entity = (await entities.CodesAsync(ct)).First(c => c.Value == activity!.LegalEntityCode).Key;
        var hash = quote is null ? null : await store.PutAsync(quote.Content, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lease = new Lease
        {
            Id = LeaseId.From(Guid.CreateVersion7()),
            Number = $"LOC-{activity!.LegalEntityCode}-{today.Year}-{await numbers.NextAsync($"leases:{activity.LegalEntityCode}:{today.Year}", ct):D6}",
            LegalEntityId = entity, ActivityId = activity.Id, MemberId = activity.MemberId, OfficeId = activity.OfficeId, Status = LeaseStatus.Requested,
            Description = description, Kind = kind!.Code, Supplier = supplier, QuoteHash = hash, QuoteName = quote is null ? null : Path.GetFileName(quote.Name),
            PriceExclVatCents = excl!.Value.Cents, PriceInclVatCents = incl!.Value.Cents, WishedMonths = months!.Value,
            RequestedOn = today, RequestedBy = actor.Name, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(lease);
        await notifications.NotifyManagersAsync(activity.OfficeId, NoticeKind.LeaseToReview,
            $"Demande de matériel {lease.Number} ({activity.Name}, {excl.Value.ToDisplayString()} HT) à étudier", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.requested", "lease", lease.Id.ToString(), null, new { lease.Number, lease.PriceExclVatCents, lease.WishedMonths, lease.Kind });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    /// <summary>The activity, if the actor may ask for it: its member, its office's manager, finance; 404 to anyone else.</summary>
    private async Task<ActivityView> ActivityAsync(ActivityId id, Actor actor, CancellationToken ct)
    {
        var activity = await activities.FindVisibleAsync(id, actor, ct);
        return activity is not null && (LeasingAccess.IsFinance(actor) || actor.IsManagerOf(activity.OfficeId) || actor.MemberId == activity.MemberId)
            ? activity : throw new DomainException(LeasingErrors.NotFound);
    }

    /// <summary>A duration in whole months within the service's limits in force that day.</summary>
    public static int? Months(Validation v, string field, string label, string? value, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(v);
        var min = LeasingTerms.Whole(LeasingTerms.MinMonths, day);
        var max = LeasingTerms.Whole(LeasingTerms.MaxMonths, day);
        var number = v.Decimal(field, label, value, required: true);
        if (number is { } n && (n != decimal.Truncate(n) || n < min || n > max))
        {
            v.Add(field, $"{label} est un nombre entier de mois, de {min} à {max}.");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases", async (RequestLeaseInput input, RequestLease handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var lease = await handler.HandleAsync(input, null, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/leases/{lease.Id}", lease);
            })
            .WithName("RequestLease").WithSummary("Demander du matériel pour une activité (membre ; gestionnaire ou finance pour un membre)").ProducesProblems();
}
