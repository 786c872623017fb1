using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed class GetActivity(PartageDbContext db, ActivityViews views)
{
    public async Task<ActivityView> HandleAsync(ActivityId id, Actor actor, CancellationToken ct = default)
    {
        var activity = await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !ActivitiesAccess.CanRead(actor, activity))
        {
            throw new DomainException(ActivitiesErrors.NotFound);
        }

        return (await views.BuildAsync([activity], ct))[0];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/activities/{id:guid}", async (Guid id, GetActivity handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), await actors.GetAsync(ct), ct))
            .WithName("GetActivity").WithSummary("Une activité")
            .ProducesProblems();
}
