using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PayslipView(
    PayslipId Id, string Number, JobId JobId, string JobNumber, string MemberName, string Period, PayslipStatus Status, Money Gross, Money EmployeeContributions,
    Money EmployerContributions, Money Reductions, Money NetBeforeTax, Money NetTaxable, decimal TaxRate, bool NeutralTaxRate, Money Tax, Money NetPaid, Money EmployerCost,
    DateOnly DueOn, DateOnly? PaidOn, DateTime? ValidatedAt, string? ValidatedBy)
{
    /// <summary>Withheld after the net pay (cooperative shares); the transfer pays <see cref="NetPaid"/> less it.</summary>
    public Money Deduction { get; init; } = Money.ZeroEur;

    public string? DeductionLabel { get; init; }
}

/// <summary>A payslip as the member, their manager or payroll staff may see it; who sees which payslips, and their views, for the other use cases.</summary>
public sealed class GetPayslip(PartageDbContext db, IMembersApi members)
{
    public async Task<PayslipView> HandleAsync(PayslipId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(p => p.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(PayrollErrors.NotFound);

    internal IQueryable<Payslip> Visible(Actor actor)
    {
        var payslips = db.Set<Payslip>().AsNoTracking();
        return actor.IsCooperativeStaff ? payslips
            : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? payslips.Where(p => p.OfficeId == office)
            : actor.MemberId is { } member ? payslips.Where(p => p.MemberId == member)
            : payslips.Where(_ => false);
    }

    internal async Task<IReadOnlyList<PayslipView>> ViewsAsync(IReadOnlyList<Payslip> rows, CancellationToken ct)
    {
        var people = await members.FindManyAsync(rows.Select(p => p.MemberId).Distinct().ToList(), ct);
        var jobIds = rows.Select(p => p.JobId).ToList();
        var numbersByJob = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Number, ct);
        return rows.Select(p => new PayslipView(p.Id, p.Number, p.JobId, numbersByJob[p.JobId], people.GetValueOrDefault(p.MemberId)?.FullName ?? "?", p.Period, p.Status,
            Money.Eur(p.Figures.GrossCents), Money.Eur(p.Figures.EmployeeContributionsCents), Money.Eur(p.Figures.EmployerContributionsCents), Money.Eur(p.Figures.ReductionsCents), Money.Eur(p.Figures.NetBeforeTaxCents),
            Money.Eur(p.Figures.NetTaxableCents), p.Figures.TaxRate, p.Figures.NeutralTaxRate, Money.Eur(p.Figures.TaxCents), Money.Eur(p.Figures.NetPaidCents), Money.Eur(p.Figures.EmployerCostCents), p.DueOn, p.PaidOn,
            p.ValidatedAt, p.ValidatedBy) { Deduction = Money.Eur(p.DeductionCents), DeductionLabel = p.DeductionLabel }).ToList();
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/{id:guid}", async (Guid id, GetPayslip handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetPayslip").WithSummary("Un bulletin").ProducesProblems();
    }
}
