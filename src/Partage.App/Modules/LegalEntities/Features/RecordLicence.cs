using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.LegalEntities.Features;

public sealed record LicenceInput(string? Category, string? Number, string? ValidUntil);

public static class LegalEntitiesErrors
{
    public static readonly ErrorCode NotFound = new("legal_entities.not_found", "Cette entité n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode LicenceExists = new("legal_entities.licence_exists", "Cette licence est déjà enregistrée pour cette entité.", ErrorKind.Conflict);
}

/// <summary>
/// Finance records an entity's renewed (or new) live-performance licence, from the receipt of its declaration: a new
/// row, never an edit of the old one, which it supersedes for the checks and the expiry alert (docs/compliance.md rule 5).
/// </summary>
public sealed class RecordLicence(PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>A declaration's receipt is worth a licence for five years (L7122-3); a date further away is a typing error.</summary>
    public const int MaxYears = 5;

    public static bool MayRecord(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    public async Task<LicenceView> HandleAsync(string code, LicenceInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entity = MayRecord(actor) ? await db.Set<LegalEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, ct) : null;
        if (entity is null)
        {
            throw new DomainException(LegalEntitiesErrors.NotFound);
        }

        var v = new Validation();
        var category = input.Category?.Trim() is "1" or "2" or "3" ? int.Parse(input.Category.Trim(), CultureInfo.InvariantCulture) : 0;
        if (category == 0)
        {
            v.Add("Category", "La catégorie est 1 (exploitant de lieu), 2 (producteur) ou 3 (diffuseur).");
        }

        var number = v.Required("Number", "Le numéro de licence ou de récépissé", input.Number, 40);
        var validUntil = v.Date("ValidUntil", "La fin de validité", input.ValidUntil, required: true);
        var today = clock.Today();
        if (validUntil is { } until && (until < today || until > today.AddYears(MaxYears)))
        {
            v.Add("ValidUntil", $"La fin de validité est entre aujourd'hui et dans {MaxYears} ans (un récépissé vaut licence cinq ans, art. L7122-3).");
        }

        v.ThrowIfInvalid();
        if (await db.Set<PerformanceLicence>().AnyAsync(l => l.LegalEntityId == entity.Id && l.Number == number, ct))
        {
            throw new DomainException(LegalEntitiesErrors.LicenceExists);
        }

        var licence = new PerformanceLicence { Id = Guid.NewGuid(), LegalEntityId = entity.Id, Category = category, Number = number, ValidUntil = validUntil!.Value };
        db.Add(licence);
        audit.Record(actor, "legal_entities.licence_recorded", "legal_entity", entity.Id.ToString(), null,
            new { entity.Code, licence.Category, licence.Number, ValidUntil = licence.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same receipt recorded at the same moment by another click or another server: the first one holds.
            db.ChangeTracker.Clear();
            throw new DomainException(LegalEntitiesErrors.LicenceExists);
        }

        return new LicenceView(licence.Category, licence.Number, licence.ValidUntil);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/legal-entities/{code}/licences", async (string code, LicenceInput input, RecordLicence handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/legal-entities", await handler.HandleAsync(code, input, await actors.GetAsync(ct), ct)))
            .WithName("RecordLicence").WithTags("Entités")
            .WithSummary("Enregistrer la licence d'entrepreneur de spectacles renouvelée (ou nouvelle) d'une entité (finance)").ProducesProblems();
    }
}
