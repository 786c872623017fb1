using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>An employer's payslips, latest first (payroll staff: every employer's), optionally of one status.</summary>
public sealed class ListStaffPayslips(GetStaffPayslip views)
{
    public async Task<PagedResult<StaffPayslipView>> HandleAsync(EmployerId? employer, string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = views.Visible(actor);
        if (employer is { } e)
        {
            query = query.Where(p => p.EmployerId == e);
        }

        if (Enum.TryParse<StaffPayslipStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(p => p.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.To).ThenByDescending(p => p.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<StaffPayslipView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/", async (Guid? employer, string? status, int? page, int? pageSize, ListStaffPayslips handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(employer is { } e ? EmployerId.From(e) : null, status, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListStaffPayslips").WithSummary("Les bulletins du personnel des employeurs (un employeur : les siens)").ProducesProblems();
    }
}
