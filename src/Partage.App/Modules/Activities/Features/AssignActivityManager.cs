using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed record AssignActivityManagerInput(string? ManagerId);

/// <summary>
/// Names the activity manager who follows an activity and validates its intermittents' contracts for the cooperative: one
/// of the activity's office, never the member themselves (the member's independence in practice — the cooperative, not
/// the artist, decides to hire). Administration or a manager of the office names them; the change is audited.
/// </summary>
public sealed class AssignActivityManager(PartageDbContext db, IOfficesApi offices, IMembersApi members, IAuditLog audit, ActivityViews views)
{
    public async Task<ActivityView> HandleAsync(ActivityId id, AssignActivityManagerInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var activity = await db.Set<Activity>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !ActivitiesAccess.CanManage(actor, activity))
        {
            throw new DomainException(ActivitiesErrors.NotFound);
        }

        var v = new Validation();
        var managerId = v.Id<ActivityManagerId>(nameof(input.ManagerId), "Le gestionnaire", input.ManagerId, required: true);
        var manager = managerId is { } chosen ? await offices.FindManagerAsync(chosen, ct) : null;
        if (managerId is not null && (manager is null || manager.OfficeId != activity.OfficeId))
        {
            v.Add(nameof(input.ManagerId), "Choisissez un gestionnaire du bureau de l'activité.");
        }
        else if (manager?.UserId is { } user && await members.FindMemberIdByUserAsync(user, ct) == activity.MemberId)
        {
            v.Add(nameof(input.ManagerId), "Le membre ne peut pas être le gestionnaire de sa propre activité : un autre gestionnaire du bureau valide ses contrats.");
        }

        v.ThrowIfInvalid();
        var before = activity.ManagerId;
        activity.ManagerId = manager!.Id;
        audit.Record(actor, "activities.manager_assigned", "activity", activity.Id.ToString(), new { Manager = before?.ToString() }, new { Manager = manager.Id.ToString(), manager.FullName });
        await db.SaveChangesAsync(ct);
        return (await views.BuildAsync([activity], ct))[0];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/activities/{id:guid}/manager", async (Guid id, AssignActivityManagerInput input, AssignActivityManager handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), input, await actors.GetAsync(ct), ct))
            .WithName("AssignActivityManager").WithSummary("Nommer le gestionnaire qui suit l'activité et valide ses contrats d'intermittents (un gestionnaire du bureau, jamais le membre)")
            .ProducesProblems();
}
