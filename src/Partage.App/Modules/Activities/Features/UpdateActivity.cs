using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed record UpdateActivityInput(string? Name, string? Description, string? Status);

public sealed class UpdateActivity(PartageDbContext db, IAuditLog audit, ActivityViews views)
{
    public async Task<ActivityView> HandleAsync(ActivityId id, UpdateActivityInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var activity = await db.Set<Activity>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !ActivitiesAccess.CanManage(actor, activity))
        {
            throw new DomainException(ActivitiesErrors.NotFound);
        }

        var before = new { activity.Name, activity.Description, Status = activity.Status.ToString() };
        var v = new Validation();
        if (input.Name is not null)
        {
            activity.Name = v.Required(nameof(input.Name), "Le nom de l'activité", input.Name, 150);
        }

        if (input.Description is not null)
        {
            activity.Description = v.Optional(nameof(input.Description), "La description", input.Description, 2000);
        }

        if (input.Status is not null)
        {
            activity.Status = v.Enum<ActivityStatus>(nameof(input.Status), "Le statut", input.Status, required: true) ?? activity.Status;
        }

        v.ThrowIfInvalid();
        if (await db.Set<Activity>().AnyAsync(a => a.MemberId == activity.MemberId && a.Name == activity.Name && a.Id != activity.Id, ct))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        audit.Record(actor, "activities.updated", "activity", activity.Id.ToString(), before,
            new { activity.Name, activity.Description, Status = activity.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return (await views.BuildAsync([activity], ct))[0];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPatch("/activities/{id:guid}", async (Guid id, UpdateActivityInput input, UpdateActivity handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateActivity").WithSummary("Modifier une activité (nom, description, statut)")
            .ProducesProblems();
}
