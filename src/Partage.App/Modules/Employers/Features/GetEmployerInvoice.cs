using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>An employer invoice or credit note as its employer, payroll and finance staff see it; who sees which, and their views, for the other use cases.</summary>
public sealed class GetEmployerInvoice(PartageDbContext db)
{
    public async Task<EmployerInvoiceView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(i => i.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(EmployersErrors.NotFound);

    internal IQueryable<EmployerInvoice> Visible(Actor actor) =>
        db.Set<EmployerInvoice>().AsNoTracking().OfVisibleEmployers(db.Set<Employer>(), actor);

    internal async Task<IReadOnlyList<EmployerInvoiceView>> ViewsAsync(IReadOnlyList<EmployerInvoice> rows, CancellationToken ct)
    {
        var ids = rows.Select(i => i.EmployerId).Distinct().ToList();
        var names = await db.Set<Employer>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var invoiceIds = rows.Select(i => (Guid?)i.Id).ToList();
        var counts = await db.Set<StaffPayslip>().AsNoTracking().Where(p => invoiceIds.Contains(p.InvoiceId)).GroupBy(p => p.InvoiceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        var pairs = await db.Set<EmployerInvoice>().AsNoTracking().Where(c => c.CreditedInvoiceId != null && (invoiceIds.Contains(c.Id) || invoiceIds.Contains(c.CreditedInvoiceId)))
            .Join(db.Set<EmployerInvoice>(), c => c.CreditedInvoiceId, i => i.Id, (c, i) => new { CreditId = c.Id, CreditNumber = c.Number, InvoiceId = i.Id, InvoiceNumber = i.Number })
            .ToListAsync(ct);
        var related = pairs.Select(p => (p.CreditId, p.InvoiceNumber)).Concat(pairs.Select(p => (p.InvoiceId, p.CreditNumber))).ToDictionary(p => p.Item1, p => p.Item2);
        return rows.Select(i => new EmployerInvoiceView(i.Id, i.Number, i.EmployerId, names[i.EmployerId], i.Period, i.Mandate, i.IssueDate, i.DueDate, Money.Eur(i.GrossPayrollCents),
            Money.Eur(i.NetWagesCents), Money.Eur(i.ContributionsCents), Money.Eur(i.AllowancesCents), i.FeeRatePercent, Money.Eur(i.FeeCents), i.FeeShares(), Money.Eur(i.VatCents),
            Money.Eur(i.TotalCents), i.PaymentReference, i.Status, Money.Eur(i.PaidCents), i.PaidOn, counts.GetValueOrDefault(i.Id))
        {
            Kind = i.Kind, Related = related.GetValueOrDefault(i.Id), CreditReason = i.CreditReason,
        }).ToList();
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/{id:guid}", async (Guid id, GetEmployerInvoice handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetEmployerInvoice").WithSummary("Une facture de gestion de contrats").ProducesProblems();
    }
}
