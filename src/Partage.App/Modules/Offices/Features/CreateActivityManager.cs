using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Offices.Features;

public sealed record CreateActivityManagerInput(string? FirstName, string? LastName, string? Email, Guid? UserId);

/// <summary>Assigns an activity manager to an office. Administration only.</summary>
public sealed class CreateActivityManager(PartageDbContext db, IAuditLog audit)
{
    public async Task<ManagerView> HandleAsync(OfficeId officeId, CreateActivityManagerInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin || !await db.Set<Office>().AnyAsync(o => o.Id == officeId, ct))
        {
            throw new DomainException(OfficesErrors.NotFound);
        }

        var v = new Validation();
        var manager = new ActivityManager
        {
            Id = TypedId.New<ActivityManagerId>(),
            OfficeId = officeId,
            FirstName = v.Required(nameof(input.FirstName), "Le prénom", input.FirstName, 100),
            LastName = v.Required(nameof(input.LastName), "Le nom", input.LastName, 100),
            Email = v.Email(nameof(input.Email), input.Email),
            UserId = input.UserId,
        };
        v.ThrowIfInvalid();
        db.Add(manager);
        audit.Record(actor, "offices.manager_assigned", "activity_manager", manager.Id.ToString(), null, new { manager.OfficeId, manager.Email });
        await db.SaveChangesAsync(ct);
        return new ManagerView(manager.Id, manager.OfficeId, manager.FullName, manager.Email, manager.UserId);
    }

    public static void Map(RouteGroupBuilder offices)
    {
        offices.MapPost("/{id:guid}/managers", async (Guid id, CreateActivityManagerInput input, CreateActivityManager handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var manager = await handler.HandleAsync(new OfficeId(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/offices/{id}/managers", manager);
            })
            .WithName("CreateActivityManager").WithSummary("Affecter un gestionnaire d'activité (administration)")
            .ProducesProblems();
    }
}
