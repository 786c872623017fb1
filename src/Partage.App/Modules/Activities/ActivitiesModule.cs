using Microsoft.EntityFrameworkCore;
using Partage.Kernel;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Activities;

/// <summary>What other modules may ask of or tell the Activities module.</summary>
public interface IActivitiesApi
{
    /// <summary>A member moved office: their activities follow, in the caller's unit of work.</summary>
    Task FollowMemberToOfficeAsync(MemberId member, OfficeId office, CancellationToken ct = default);

    /// <summary>The activity if the actor may see it, else null (callers answer 404).</summary>
    Task<ActivityView?> FindVisibleAsync(ActivityId activity, Actor actor, CancellationToken ct = default);

    /// <summary>The names of several activities in one query (lists of invoices, jobs…; the caller has already filtered what the actor may see).</summary>
    Task<IReadOnlyDictionary<ActivityId, string>> NamesAsync(IReadOnlyCollection<ActivityId> ids, CancellationToken ct = default);

    /// <summary>A member's activities the actor may see.</summary>
    Task<IReadOnlyList<ActivityView>> ListForMemberAsync(MemberId member, Actor actor, CancellationToken ct = default);

    /// <summary>The activities of an entity and module that are active and were opened on or before <paramref name="openedBy"/> (jobs of the cooperative, no actor).</summary>
    Task<IReadOnlyList<ActivityId>> ActiveAsync(LegalEntityId entity, string module, DateOnly openedBy, CancellationToken ct = default);
}

internal sealed class ActivitiesApi(PartageDbContext db, ActivityViews views) : IActivitiesApi
{
    public async Task<ActivityView?> FindVisibleAsync(ActivityId activity, Actor actor, CancellationToken ct = default)
    {
        var found = await db.Set<Activity>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(a => a.Id == activity, ct);
        return found is null ? null : (await views.BuildAsync([found], ct))[0];
    }

    public async Task<IReadOnlyDictionary<ActivityId, string>> NamesAsync(IReadOnlyCollection<ActivityId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Activity>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    public async Task<IReadOnlyList<ActivityView>> ListForMemberAsync(MemberId member, Actor actor, CancellationToken ct = default) =>
        await views.BuildAsync(
            await db.Set<Activity>().AsNoTracking().Visible(actor).Where(a => a.MemberId == member).OrderBy(a => a.Name).ToListAsync(ct), ct);

    public async Task<IReadOnlyList<ActivityId>> ActiveAsync(LegalEntityId entity, string module, DateOnly openedBy, CancellationToken ct = default)
    {
        var before = ParisTime.UtcStartOf(openedBy.AddDays(1));   // opened by the end of that day in Paris
        return await db.Set<Activity>().AsNoTracking()
            .Where(a => a.LegalEntityId == entity && a.ModuleCode == module && a.Status == ActivityStatus.Active && a.CreatedAt < before)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
    }

    public async Task FollowMemberToOfficeAsync(MemberId member, OfficeId office, CancellationToken ct = default)
    {
        foreach (var activity in await db.Set<Activity>().Where(a => a.MemberId == member).ToListAsync(ct))
        {
            activity.OfficeId = office;
        }
    }
}

public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) =>
        services.AddScoped<IActivitiesApi, ActivitiesApi>()
            .AddScoped<ActivityViews>()
            .AddScoped<CreateActivity>()
            .AddScoped<UpdateActivity>()
            .AddScoped<SearchActivities>()
            .AddScoped<GetActivity>();

    public static void MapActivitiesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var activities = api.MapGroup("/activities").WithTags("Activités");
        activities.MapGet("/", async ([AsParameters] ActivitySearch search, SearchActivities handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(search, await actors.GetAsync(ct), ct))
            .WithName("SearchActivities").WithSummary("Activités visibles (recherche, statut, pagination)")
            .ProducesValidationProblem();
        activities.MapGet("/{id:guid}", async (Guid id, GetActivity handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), await actors.GetAsync(ct), ct))
            .WithName("GetActivity").WithSummary("Une activité");
        activities.MapPatch("/{id:guid}", async (Guid id, UpdateActivityInput input, UpdateActivity handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateActivity").WithSummary("Modifier une activité (nom, description, statut)")
            .ProducesProblems();
        api.MapPost("/members/{memberId:guid}/activities", async (Guid memberId, CreateActivityInput input, CreateActivity handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var activity = await handler.HandleAsync(new MemberId(memberId), input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/activities/{activity.Id}", activity);
            })
            .WithTags("Activités").WithName("CreateActivity").WithSummary("Ouvrir une activité pour un membre")
            .ProducesProblems();
    }
}
