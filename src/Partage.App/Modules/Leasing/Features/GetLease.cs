using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

/// <summary>What a reviewer weighs: the activity's last twelve months, what it already owes, and the instalment the request would mean.</summary>
public sealed record LeaseReview(
    IReadOnlyList<MonthBalance> Months, Money TwelveMonthResult, Money Available, Money Committed, Money OtherLeasesRemaining, Money OtherLeasesMonthly,
    int OtherLeases, decimal AnnualRatePercent, Money MonthlyFee, Money SuggestedMonthly);

/// <summary>A lease as the actor may see it (a member their own, a manager their office's, finance all); staff also get the review.</summary>
public sealed class GetLease(PartageDbContext db, LeaseViews views, ILedgerApi ledger, IAttachmentStore store, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, Actor actor, CancellationToken ct = default) => await views.OfAsync(await FindAsync(id, actor, ct), ct);

    public async Task<LeaseReview> ReviewAsync(LeaseId id, Actor actor, CancellationToken ct = default)
    {
        var lease = await FindAsync(id, actor, ct);
        if (!LeasingAccess.CanReview(actor, lease))
        {
            throw new DomainException(LeasingErrors.NotFound);
        }

        var today = clock.Today();
        var months = await ledger.MonthlyBalancesAsync(lease.ActivityId, today, 13, ct);
        var budget = await ledger.BudgetAsync(lease.ActivityId, ct);
        var others = await db.Set<Lease>().AsNoTracking()
            .Where(l => l.ActivityId == lease.ActivityId && l.Id != lease.Id && (l.Status == LeaseStatus.Active || l.Status == LeaseStatus.Approved)).Select(l => l.Id).ToListAsync(ct);
        var open = await db.Set<LeaseInstalment>().AsNoTracking()
            .Where(i => others.Contains(i.LeaseId) && (i.Status == InstalmentStatus.Due || i.Status == InstalmentStatus.Unpaid)).ToListAsync(ct);
        var nextMonthly = open.GroupBy(i => i.LeaseId).Sum(g => g.OrderBy(i => i.Number).First().AmountCents);
        var rate = lease.Terms?.AnnualRatePercent ?? LeasingTerms.Number(LeasingTerms.AnnualRatePercent, today);
        var fee = lease.Terms?.MonthlyFeeCents ?? (long)LeasingTerms.Number(LeasingTerms.MonthlyFeeCents, today);
        var duration = lease.Terms?.Months ?? lease.WishedMonths;
        var capital = lease.FinancedCents;
        var suggested = capital > 0 ? LeaseSchedule.Compute(capital, duration, rate, fee, DueDates.From(today))[0].InstalmentCents : 0;
        return new LeaseReview(
            months.Skip(1).ToList(), months.Count > 1 ? months[^1].Balance - months[0].Balance : Money.ZeroEur, budget.Available, budget.Committed,
            Money.Eur(open.Sum(i => i.CapitalCents)), Money.Eur(nextMonthly), others.Count, rate, Money.Eur(fee), Money.Eur(suggested));
    }

    /// <summary>The supplier's quote attached to the request.</summary>
    public async Task<(string Name, byte[] Content)> QuoteAsync(LeaseId id, Actor actor, CancellationToken ct = default)
    {
        var lease = await FindAsync(id, actor, ct);
        var content = lease.QuoteHash is { } hash ? await store.GetAsync(hash, ct) : null;
        return content is null ? throw new DomainException(LeasingErrors.NotFound) : (lease.QuoteName ?? "devis", content);
    }

    private async Task<Lease> FindAsync(LeaseId id, Actor actor, CancellationToken ct) =>
        await db.Set<Lease>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new DomainException(LeasingErrors.NotFound);

    public static void Map(RouteGroupBuilder leasing)
    {
        leasing.MapGet("/leases/{id:guid}", async (Guid id, GetLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("GetLease").WithSummary("Un contrat de matériel : demande, conditions, achat, échéancier, amortissement").ProducesProblems();
        leasing.MapGet("/leases/{id:guid}/review", async (Guid id, GetLease handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReviewAsync(LeaseId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("ReviewLease").WithSummary("L'étude d'une demande : douze mois de l'activité, engagements, autres contrats, mensualité suggérée (gestionnaire, finance)").ProducesProblems();
        leasing.MapGet("/leases/{id:guid}/quote", async (Guid id, GetLease handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.QuoteAsync(LeaseId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream", name);
            })
            .WithName("GetLeaseQuote").WithSummary("Le devis du fournisseur joint à la demande").Produces(200, contentType: "application/octet-stream").ProducesProblems();
    }
}
