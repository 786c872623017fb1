using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>The payslips a user may see, latest due first, optionally of one status; or one job's, month by month.</summary>
public sealed class ListPayslips(GetPayslip views)
{
    public async Task<PagedResult<PayslipView>> HandleAsync(string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = views.Visible(actor);
        if (Enum.TryParse<PayslipStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(p => p.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.DueOn).ThenByDescending(p => p.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<PayslipView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }


    /// <summary>A job's payslips, month by month.</summary>
    public async Task<IReadOnlyList<PayslipView>> ForJobAsync(JobId job, Actor actor, CancellationToken ct = default) =>
        await views.ViewsAsync(await views.Visible(actor).Where(p => p.JobId == job).OrderBy(p => p.Period).ToListAsync(ct), ct);

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/", async (string? status, int? page, int? pageSize, ListPayslips handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(status, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListPayslips").WithSummary("Les bulletins que l'utilisateur peut voir (membre : les siens)").ProducesProblems();
    }
}
