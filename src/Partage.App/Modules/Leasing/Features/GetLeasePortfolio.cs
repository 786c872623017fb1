using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record ExposureLine(Guid Id, string Name, int Leases, Money RemainingCapital, Money Arrears);

/// <summary>
/// The year's figures for the annual report: leases approved in the year, the amounts financed on purchases invoiced in
/// it, and the capital outstanding on 31 December (the capital of the instalments falling after that day, of the leases
/// bought by then and not closed before).
/// </summary>
public sealed record LeaseYear(int Year, int Approved, int Purchased, Money Financed, Money OutstandingAtYearEnd);

public sealed record LeasePortfolio(
    IReadOnlyDictionary<LeaseStatus, int> ByStatus, int Active, Money RemainingCapital, Money Arrears, int LeasesInArrears,
    IReadOnlyList<ExposureLine> ByOffice, IReadOnlyList<ExposureLine> ByActivity, IReadOnlyList<LeaseYear> Years, IReadOnlyList<DirectDebitFileView> RecentFiles);

/// <summary>The portfolio as staff watch it (finance all of it, a manager their office): exposure, arrears, where the risk sits, the years' figures.</summary>
public sealed class GetLeasePortfolio(PartageDbContext db, IOfficesApi offices, IActivitiesApi activities, TimeProvider clock)
{
    public const int TopActivities = 20;

    public async Task<LeasePortfolio> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!LeasingAccess.IsFinance(actor) && !actor.IsInRole(Roles.Manager))
        {
            throw new DomainException(LeasingErrors.NotFound);
        }

        var leases = await db.Set<Lease>().AsNoTracking().Visible(actor)
            .Select(l => new { l.Id, l.Status, l.OfficeId, l.ActivityId, l.PriceExclVatCents, Deposit = l.Terms == null ? 0 : l.Terms.DepositCents, Approved = l.Terms == null ? (DateOnly?)null : l.Terms.ApprovedOn, Bought = l.Purchase == null ? (DateOnly?)null : l.Purchase.InvoiceDate, l.ClosedOn })
            .ToListAsync(ct);
        var ids = leases.Select(l => l.Id).ToList();
        var lines = await db.Set<LeaseInstalment>().AsNoTracking().Where(i => ids.Contains(i.LeaseId))
            .Select(i => new { i.LeaseId, i.DueOn, i.Status, i.CapitalCents, i.AmountCents }).ToListAsync(ct);
        var byLease = lines.ToLookup(i => i.LeaseId);
        var open = lines.Where(i => i.Status is InstalmentStatus.Due or InstalmentStatus.Unpaid).ToLookup(i => i.LeaseId);
        var active = leases.Where(l => l.Status == LeaseStatus.Active).ToList();
        ExposureLine Line(Guid id, string name, IEnumerable<LeaseId> group) => new(id, name, group.Count(),
            Money.Eur(group.Sum(l => open[l].Sum(i => i.CapitalCents))), Money.Eur(group.Sum(l => open[l].Where(i => i.Status == InstalmentStatus.Unpaid).Sum(i => i.AmountCents))));
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var activityNames = await activities.NamesAsync(active.Select(l => l.ActivityId).Distinct().ToList(), ct);
        var thisYear = clock.Today().Year;
        var first = leases.Select(l => l.Approved?.Year ?? thisYear).DefaultIfEmpty(thisYear).Min();
        var years = Enumerable.Range(first, thisYear - first + 1).Reverse().Select(y =>
        {
            var end = new DateOnly(y, 12, 31);
            var bought = leases.Where(l => l.Bought?.Year == y).ToList();
            var outstanding = leases.Where(l => l.Bought <= end && (l.ClosedOn is null || l.ClosedOn > end))
                .Sum(l => byLease[l.Id].Where(i => i.DueOn > end).Sum(i => i.CapitalCents));
            return new LeaseYear(y, leases.Count(l => l.Approved?.Year == y), bought.Count, Money.Eur(bought.Sum(l => l.PriceExclVatCents - l.Deposit)), Money.Eur(outstanding));
        }).ToList();
        var files = LeasingAccess.IsFinance(actor)
            ? (await db.Set<DirectDebitFile>().AsNoTracking().OrderByDescending(f => f.CreatedOn).ThenByDescending(f => f.MessageId).Take(10).ToListAsync(ct)).Select(CollectInstalments.View).ToList()
            : [];
        return new LeasePortfolio(
            leases.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count()), active.Count,
            Money.Eur(active.Sum(l => open[l.Id].Sum(i => i.CapitalCents))),
            Money.Eur(lines.Where(i => i.Status == InstalmentStatus.Unpaid).Sum(i => i.AmountCents)),
            lines.Where(i => i.Status == InstalmentStatus.Unpaid).Select(i => i.LeaseId).Distinct().Count(),
            active.GroupBy(l => l.OfficeId).Select(g => Line(g.Key.Value, officeNames.GetValueOrDefault(g.Key, "?"), g.Select(l => l.Id))).OrderByDescending(e => e.RemainingCapital).ToList(),
            active.GroupBy(l => l.ActivityId).Select(g => Line(g.Key.Value, activityNames.GetValueOrDefault(g.Key, "?"), g.Select(l => l.Id)))
                .OrderByDescending(e => e.RemainingCapital).Take(TopActivities).ToList(),
            years, files);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapGet("/leases/portfolio", async (GetLeasePortfolio handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(await actors.GetAsync(ct), ct)))
            .WithName("GetLeasePortfolio").WithSummary("Le portefeuille : encours, impayés, exposition par antenne et par activité, chiffres annuels (finance, gestionnaire)").ProducesProblems();
}
