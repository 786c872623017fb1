using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record StaffContractView(
    Guid Id, string Number, EmployerId EmployerId, string StaffName, EmployeeKind Kind, bool Cadre, string Job, string Event, DateOnly Start, DateOnly End,
    decimal? Hours, int? Cachets, Money Gross, Money Allowances, DateTime DpaeRecordedAt)
{
    /// <summary>Its employment certificate can be made: the last month is paid and every payslip validated.</summary>
    public bool Certifiable { get; init; }

    /// <summary>The DFS the artist consented to (dramatic or musician), if any.</summary>
    public string? Dfs { get; init; }
}

/// <summary>An employer's contracts, latest first, as the employer and payroll staff see them; their views, for the use cases that record contracts.</summary>
public sealed class ListStaffContracts(PartageDbContext db, GetEmployer employers)
{
    public async Task<PagedResult<StaffContractView>> HandleAsync(EmployerId employer, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        await employers.HandleAsync(employer, actor, ct);
        var query = db.Set<StaffContract>().AsNoTracking().Where(c => c.EmployerId == employer);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Start).ThenByDescending(c => c.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<StaffContractView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    internal async Task<IReadOnlyList<StaffContractView>> ViewsAsync(IReadOnlyList<StaffContract> rows, CancellationToken ct)
    {
        var staffIds = rows.Select(c => c.StaffMemberId).Distinct().ToList();
        var names = await db.Set<StaffMember>().AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var contractIds = rows.Select(c => c.Id).ToList();
        var payslips = (await db.Set<StaffPayslip>().AsNoTracking().Where(p => contractIds.Contains(p.ContractId)).Select(p => new { p.ContractId, p.To, p.Status }).ToListAsync(ct))
            .ToLookup(p => p.ContractId);
        return rows.Select(c => new StaffContractView(c.Id, c.Number, c.EmployerId, names[c.StaffMemberId], c.Kind, c.Cadre, c.Job, c.Event, c.Start, c.End, c.Hours, c.Cachets,
            Money.Eur(c.GrossCents), Money.Eur(c.AllowancesCents), c.DpaeRecordedAt)
        {
            Certifiable = GetStaffCertificatePdf.Ready(c.End, payslips[c.Id].Select(p => (p.To, p.Status))),
            Dfs = c.Dfs,
        }).ToList();
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/contracts", async (Guid id, int? page, int? pageSize, ListStaffContracts handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(EmployerId.From(id), new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListStaffContracts").WithSummary("Les contrats du personnel d'un employeur").ProducesProblems();
    }
}
