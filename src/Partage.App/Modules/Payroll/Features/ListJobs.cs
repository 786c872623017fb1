using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The jobs and contracts a user may see, latest start first or in the asked order, optionally of one status. An unknown
/// status or order is refused in words: a hand-typed address never shows a list it did not ask for.
/// </summary>
public sealed class ListJobs(PartageDbContext db, GetJob views)
{
    /// <summary>The columns the list may be sorted by (member and activity names belong to other modules: not sortable here).</summary>
    public static readonly string[] Columns = ["start", "number", "gross", "status"];

    public static readonly SortOrder LatestStart = new("start", true);

    public async Task<PagedResult<JobView>> HandleAsync(string? status, string? sort, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var wanted = v.Enum<JobStatus>("status", "L'état", status, required: false);
        v.ThrowIfInvalid();
        var order = SortOrder.Parse(sort, Columns, LatestStart);
        var query = db.Set<Job>().AsNoTracking().Visible(actor);
        if (wanted is { } s)
        {
            query = query.Where(j => j.Status == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await Sorted(query, order).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<JobView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>The asked order, then the number: two jobs starting the same day always come in the same order.</summary>
    private static IQueryable<Job> Sorted(IQueryable<Job> query, SortOrder order)
    {
        var sorted = order switch
        {
            { Column: "number", Descending: false } => query.OrderBy(j => j.Number),
            { Column: "number" } => query.OrderByDescending(j => j.Number),
            { Column: "gross", Descending: false } => query.OrderBy(j => j.GrossCents),
            { Column: "gross" } => query.OrderByDescending(j => j.GrossCents),
            { Column: "status", Descending: false } => query.OrderBy(j => j.Status),
            { Column: "status" } => query.OrderByDescending(j => j.Status),
            { Descending: false } => query.OrderBy(j => j.Start),
            _ => query.OrderByDescending(j => j.Start),
        };
        return order.Descending ? sorted.ThenByDescending(j => j.Number) : sorted.ThenBy(j => j.Number);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/", async (string? status, string? sort, int? page, int? pageSize, ListJobs handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(status, sort, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListJobs").WithSummary("Les travaux et contrats que l'utilisateur peut voir (membre : les siens ; gestionnaire d'activité : son bureau), triés par start, number, gross ou status (« - » devant : décroissant)")
            .ProducesProblems();
    }
}
