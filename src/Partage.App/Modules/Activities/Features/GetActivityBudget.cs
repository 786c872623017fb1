using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Features;

/// <summary>An activity's budget (earned, spent, invoiced unpaid, committed), computed by the Ledger from its postings, for whoever may see the activity.</summary>
public sealed class GetActivityBudget(IActivitiesApi activities, ILedgerApi ledger)
{
    public async Task<ActivityBudget> HandleAsync(ActivityId id, Actor actor, CancellationToken ct = default)
    {
        var activity = await activities.FindVisibleAsync(id, actor, ct) ?? throw new DomainException(ActivitiesErrors.NotFound);
        return await ledger.BudgetAsync(activity.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/activities/{id:guid}/budget", async (Guid id, GetActivityBudget handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new ActivityId(id), await actors.GetAsync(ct), ct))
            .WithName("GetActivityBudget").WithSummary("Budget d'une activité, calculé depuis ses écritures");
}
