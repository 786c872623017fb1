using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record FiscalYearView(Guid Id, string Entity, DateOnly StartsOn, DateOnly EndsOn, bool Closed, IReadOnlyList<string> ClosedMonths)
{
    /// <summary>The months of this year that have ended by <paramref name="today"/> and are not closed yet, oldest first (none once the year is closed).</summary>
    public IReadOnlyList<PayPeriod> MonthsToClose(DateOnly today)
    {
        var months = new List<PayPeriod>();
        for (var first = new DateOnly(StartsOn.Year, StartsOn.Month, 1); !Closed && first <= EndsOn && first.AddMonths(1) <= today; first = first.AddMonths(1))
        {
            var month = new PayPeriod(first.Year, first.Month);
            if (!ClosedMonths.Contains(month.ToString()))
            {
                months.Add(month);
            }
        }

        return months;
    }
}

/// <summary>Fiscal years and their closed months, per entity or for all (finance staff).</summary>
public sealed class ListFiscalYears(PartageDbContext db, ILegalEntitiesApi entities, LedgerEntities ledgerEntities)
{
    public async Task<IReadOnlyList<FiscalYearView>> HandleAsync(string? entityCode, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var entity = entityCode is null ? (LegalEntityId?)null : await ledgerEntities.ByCodeAsync(entityCode, ct);
        var codes = await entities.CodesAsync(ct);
        var years = await db.Set<FiscalYear>().AsNoTracking().Where(f => entity == null || f.LegalEntityId == entity)
            .OrderBy(f => f.LegalEntityId).ThenByDescending(f => f.StartsOn).ToListAsync(ct);
        var closed = await db.Set<ClosedPeriod>().AsNoTracking().Where(p => entity == null || p.LegalEntityId == entity).ToListAsync(ct);
        return years.Select(f => new FiscalYearView(
            f.Id, codes[f.LegalEntityId], f.StartsOn, f.EndsOn, f.ClosedAt is not null,
            closed.Where(p => p.LegalEntityId == f.LegalEntityId && f.Range.Contains(new DateOnly(p.Year, p.Month, 1)))
                .OrderBy(p => p.Year).ThenBy(p => p.Month).Select(p => new PayPeriod(p.Year, p.Month).ToString()).ToList())).ToList();
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/fiscal-years", async (string? entity, ListFiscalYears periods, ActorAccessor actors, CancellationToken ct) =>
                await periods.HandleAsync(entity, await actors.GetAsync(ct), ct))
            .WithName("ListFiscalYears").WithSummary("Exercices et mois clôturés");
    }
}
