using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Offices.Features;

public sealed record CreateOfficeInput(string? Name, string? City, string? Street, string? PostalCode, string? OpeningDate, string? Kind);

/// <summary>Opens an office or a desk. Administration only.</summary>
public sealed class CreateOffice(PartageDbContext db, IAuditLog audit)
{
    public async Task<OfficeView> HandleAsync(CreateOfficeInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            throw new DomainException(OfficesErrors.NotFound);
        }

        var v = new Validation();
        var office = new Office
        {
            Id = TypedId.New<OfficeId>(),
            Name = v.Required(nameof(input.Name), "Le nom", input.Name, 100),
            City = v.Required(nameof(input.City), "La ville", input.City, 100),
            Street = v.Required(nameof(input.Street), "L'adresse", input.Street, 200),
            PostalCode = v.Required(nameof(input.PostalCode), "Le code postal", input.PostalCode, 12),
            OpeningDate = v.Date(nameof(input.OpeningDate), "La date d'ouverture", input.OpeningDate, required: true) ?? default,
            Kind = v.Enum<OfficeKind>(nameof(input.Kind), "Le type", input.Kind, required: false) ?? OfficeKind.Office,
        };
        v.ThrowIfInvalid();
        if (await db.Set<Office>().AnyAsync(o => o.Name == office.Name, ct))
        {
            throw new DomainException(OfficesErrors.DuplicateName);
        }

        db.Add(office);
        audit.Record(actor, "offices.created", "office", office.Id.ToString(), null, new { office.Name, office.City, office.Kind });
        await db.SaveChangesAsync(ct);
        return new OfficeView(office.Id, office.Name, office.City, office.Street, office.PostalCode, office.OpeningDate, office.Kind);
    }

    public static void Map(RouteGroupBuilder offices)
    {
        offices.MapPost("/", async (CreateOfficeInput input, CreateOffice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var office = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/offices/{office.Id}", office);
            })
            .WithName("CreateOffice").WithSummary("Ouvrir un bureau (administration)")
            .ProducesProblems();
    }
}
