using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed record ActivitySearch
{
    public string? Q { get; init; }

    public string? Status { get; init; }

    public string? MemberId { get; init; }

    /// <summary>Only the activities whose « disponible » is below zero (what a manager must look at first).</summary>
    public bool? InTheRed { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed class SearchActivities(PartageDbContext db, ActivityViews views, Ledger.ILedgerApi ledger)
{
    public async Task<PagedResult<ActivityView>> HandleAsync(ActivitySearch search, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var status = v.Enum<ActivityStatus>(nameof(search.Status), "Le statut", search.Status, required: false);
        var memberId = v.Id<MemberId>(nameof(search.MemberId), "Le membre", search.MemberId, required: false);
        var text = v.Optional(nameof(search.Q), "La recherche", search.Q, 150);
        v.ThrowIfInvalid();
        var query = db.Set<Activity>().AsNoTracking().Visible(actor);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (memberId is { } m)
        {
            query = query.Where(a => a.MemberId == m);
        }

        if (text is not null)
        {
            var pattern = $"%{text.ToLowerInvariant()}%";
            query = query.Where(a => EF.Functions.Like(a.Name.ToLower(), pattern));
        }

        if (search.InTheRed == true)
        {
            // « Disponible » is the ledger's: the visible activities' budgets in one query, then those below zero.
            var budgets = await ledger.BudgetsAsync(await query.Select(a => a.Id).ToListAsync(ct), ct);
            var red = budgets.Values.Where(b => b.Available.Cents < 0).Select(b => b.Activity).ToList();
            query = query.Where(a => red.Contains(a.Id));
        }

        var page = await query.OrderByDescending(a => a.CreatedAt).ToPageAsync(new PageRequest(search.Page, search.PageSize), ct);
        return new PagedResult<ActivityView>(await views.BuildAsync(page.Items, ct), page.Page, page.PageSize, page.Total);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/activities", async ([AsParameters] ActivitySearch search, SearchActivities handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(search, await actors.GetAsync(ct), ct))
            .WithName("SearchActivities").WithSummary("Activités visibles (recherche, statut, dans le rouge, pagination)")
            .ProducesValidationProblem();
}
