using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>The jobs and contracts a user may see, latest start first, optionally of one status.</summary>
public sealed class ListJobs(PartageDbContext db, GetJob views)
{
    public async Task<PagedResult<JobView>> HandleAsync(string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Job>().AsNoTracking().Visible(actor);
        if (Enum.TryParse<JobStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(j => j.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(j => j.Start).ThenByDescending(j => j.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<JobView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/", async (string? status, int? page, int? pageSize, ListJobs handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(status, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListJobs").WithSummary("Les travaux et contrats que l'utilisateur peut voir (membre : les siens ; gestionnaire d'activité : son bureau)").ProducesProblems();
    }
}
