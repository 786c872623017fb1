using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The contract-management invoices and credit notes, latest first (an employer: its own).</summary>
public sealed class ListEmployerInvoices(GetEmployerInvoice views)
{
    public async Task<PagedResult<EmployerInvoiceView>> HandleAsync(EmployerId? employer, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = views.Visible(actor);
        if (employer is { } e)
        {
            query = query.Where(i => i.EmployerId == e);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<EmployerInvoiceView>(await views.ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/", async (Guid? employer, int? page, int? pageSize, ListEmployerInvoices handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(employer is { } e ? EmployerId.From(e) : null, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListEmployerInvoices").WithSummary("Les factures de gestion de contrats (un employeur : les siennes)").ProducesProblems();
    }
}
