using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record LeaseRow(
    LeaseId Id, string Number, LeaseStatus Status, string StatusLabel, long MemberNumber, string MemberName, ActivityId ActivityId, string ActivityName, string Description,
    Money PriceExclVat, Money Financed, Money RemainingCapital, Money Arrears, DateOnly? NextDueOn, Money? NextAmount, DateOnly RequestedOn);

/// <summary>
/// The leases the actor may see (a member their own, a manager their office's, finance all), by number, equipment,
/// supplier or member's name, status and activity: requests to study first, then the most recent.
/// </summary>
public sealed class SearchLeases(PartageDbContext db, LeaseViews views)
{
    public async Task<PagedResult<LeaseRow>> HandleAsync(string? text, LeaseStatus? status, ActivityId? activity, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Lease>().AsNoTracking().Visible(actor);
        if (status is { } wanted)
        {
            query = query.Where(l => l.Status == wanted);
        }

        if (activity is { } a)
        {
            query = query.Where(l => l.ActivityId == a);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var words = text.Trim().ToLower();
            query = query.Where(l => l.Number.ToLower().Contains(words) || l.Description.ToLower().Contains(words) || l.Supplier.ToLower().Contains(words));
        }

        var total = await query.CountAsync(ct);
        var leases = await query.OrderBy(l => l.Status == LeaseStatus.Requested ? 0 : l.Status == LeaseStatus.Approved ? 1 : 2).ThenByDescending(l => l.RequestedOn).ThenByDescending(l => l.Number)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var rows = (await views.ManyAsync(leases, ct)).Select(v => new LeaseRow(
            v.Id, v.Number, v.Status, v.StatusLabel, v.MemberNumber, v.MemberName, v.ActivityId, v.ActivityName, v.Description, v.PriceExclVat, v.Financed,
            v.RemainingCapital, v.Arrears, v.NextDue?.DueOn, v.NextDue?.Amount, v.RequestedOn)).ToList();
        return new PagedResult<LeaseRow>(rows, page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapGet("/leases", async (string? q, string? status, Guid? activity, int? page, int? pageSize, SearchLeases handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Validation();
                var wanted = v.Enum<LeaseStatus>("status", "Le statut", status, required: false);
                v.ThrowIfInvalid();
                return TypedResults.Ok(await handler.HandleAsync(q, wanted, activity is { } a ? ActivityId.From(a) : null, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct));
            })
            .WithName("SearchLeases").WithSummary("Les contrats de matériel visibles : les siens (membre), ceux de l'antenne (gestionnaire), tous (finance)").ProducesProblems();
}
