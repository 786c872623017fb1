using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed record CreateActivityInput(string? Name, string? Description, string? LegalEntityId, string? ModuleCode);

/// <summary>Opens an activity for a member: administration, or the manager of the member's office.</summary>
public sealed class CreateActivity(PartageDbContext db, IMembersApi members, ILegalEntitiesApi entities, IAuditLog audit, ActivityViews views, TimeProvider clock)
{
    public async Task<ActivityView> HandleAsync(MemberId memberId, CreateActivityInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await members.FindVisibleAsync(memberId, actor, ct);
        if (member is null || !(actor.IsAdmin || actor.IsManagerOf(member.OfficeId)))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        var v = new Validation();
        var name = v.Required(nameof(input.Name), "Le nom de l'activité", input.Name, 150);
        var description = v.Optional(nameof(input.Description), "La description", input.Description, 2000);
        var entityId = v.Id<LegalEntityId>(nameof(input.LegalEntityId), "L'entité", input.LegalEntityId, required: true);
        var moduleCode = v.Required(nameof(input.ModuleCode), "Le module", input.ModuleCode, 30);
        v.ThrowIfInvalid();
        if (member.Status != MemberStatus.Active)
        {
            throw new DomainException(ActivitiesErrors.MemberInactive);
        }

        if (!await entities.OffersModuleAsync(entityId!.Value, moduleCode, ct))
        {
            throw new DomainException(ActivitiesErrors.ModuleNotOffered);
        }

        if (await db.Set<Activity>().AnyAsync(a => a.MemberId == memberId && a.Name == name, ct))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        var activity = new Activity
        {
            Id = TypedId.New<ActivityId>(),
            MemberId = memberId,
            OfficeId = member.OfficeId,
            LegalEntityId = entityId.Value,
            ModuleCode = moduleCode,
            Name = name,
            Description = description,
            Status = ActivityStatus.Active,
            ManagerId = member.ManagerId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(activity);
        audit.Record(actor, "activities.created", "activity", activity.Id.ToString(), null,
            new { activity.Name, MemberId = memberId.Value, activity.ModuleCode, LegalEntityId = activity.LegalEntityId.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        return (await views.BuildAsync([activity], ct))[0];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/members/{memberId:guid}/activities", async (Guid memberId, CreateActivityInput input, CreateActivity handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var activity = await handler.HandleAsync(new MemberId(memberId), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/activities/{activity.Id}", activity);
            })
            .WithName("CreateActivity").WithSummary("Ouvrir une activité pour un membre")
            .ProducesProblems();
}
