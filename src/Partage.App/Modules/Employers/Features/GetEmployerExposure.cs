using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>What the cooperative has at stake with an employer: advanced and not invoiced, invoiced and not paid.</summary>
public sealed record EmployerExposure(EmployerId EmployerId, string Name, Money AdvancedNotInvoiced, Money InvoicedUnpaid, Money Total, Money Limit, bool OverLimit);

/// <summary>The exposure per employer, for the cooperative's staff: what it has advanced and not invoiced, invoiced and not been paid, against each employer's limit.</summary>
public sealed class GetEmployerExposure(PartageDbContext db)
{
    /// <summary>Per employer: advanced and not yet invoiced, invoiced and not yet paid, against the employer's limit (finance and payroll staff).</summary>
    public async Task<IReadOnlyList<EmployerExposure>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsCooperativeStaff)
        {
            throw new DomainException(EmployersErrors.NotFound);
        }

        var advanced = (await db.Set<StaffPayslip>().AsNoTracking().Where(p => p.Status != StaffPayslipStatus.Computed && p.InvoiceId == null).ToListAsync(ct))
            .GroupBy(p => p.EmployerId).ToDictionary(g => g.Key, g => g.Sum(p => p.AdvanceCents));
        var unpaid = await db.Set<EmployerInvoice>().AsNoTracking().Where(i => i.Status == EmployerInvoiceStatus.Issued)
            .GroupBy(i => i.EmployerId).Select(g => new { g.Key, Cents = g.Sum(i => i.TotalCents - i.PaidCents) }).ToDictionaryAsync(x => x.Key, x => x.Cents, ct);
        var list = await db.Set<Employer>().AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return list.Where(e => advanced.ContainsKey(e.Id) || unpaid.ContainsKey(e.Id)).Select(e =>
        {
            var total = advanced.GetValueOrDefault(e.Id) + unpaid.GetValueOrDefault(e.Id);
            return new EmployerExposure(e.Id, e.Name, Money.Eur(advanced.GetValueOrDefault(e.Id)), Money.Eur(unpaid.GetValueOrDefault(e.Id)), Money.Eur(total),
                Money.Eur(e.ExposureLimitCents), total > e.ExposureLimitCents);
        }).OrderByDescending(x => x.Total.Cents).ToList();
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapGet("/exposure", async (GetEmployerExposure handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithName("EmployerExposure").WithSummary("L'exposition par employeur : avancé non facturé, facturé non payé, au-delà du plafond signalé (personnel de la coopérative)").ProducesProblems();
}
