using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record StaffPayslipView(
    Guid Id, string Number, Guid ContractId, string ContractNumber, EmployerId EmployerId, string StaffName, string Period, StaffPayslipStatus Status, Money Gross,
    Money NetBeforeTax, Money Tax, Money NetPaid, Money Allowances, Money EmployerCost, DateOnly DueOn, DateOnly? PaidOn, Guid? InvoiceId);

/// <summary>A staff payslip as its employer or payroll staff see it; who sees which payslips, and their views, for the other use cases.</summary>
public sealed class GetStaffPayslip(PartageDbContext db)
{
    public async Task<StaffPayslipView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(p => p.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(EmployersErrors.NotFound);

    /// <summary>An employer's own payslips; payroll staff's, every employer's.</summary>
    internal IQueryable<StaffPayslip> Visible(Actor actor) =>
        db.Set<StaffPayslip>().AsNoTracking().OfVisibleEmployers(db.Set<Employer>(), actor);

    internal async Task<IReadOnlyList<StaffPayslipView>> ViewsAsync(IReadOnlyList<StaffPayslip> rows, CancellationToken ct)
    {
        var contractIds = rows.Select(p => p.ContractId).Distinct().ToList();
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Join(db.Set<StaffMember>(), c => c.StaffMemberId, s => s.Id, (c, s) => new { c.Id, c.Number, Name = s.FirstName + " " + s.LastName }).ToDictionaryAsync(c => c.Id, ct);
        return rows.Select(p => new StaffPayslipView(p.Id, p.Number, p.ContractId, contracts[p.ContractId].Number, p.EmployerId, contracts[p.ContractId].Name, p.Period, p.Status,
            Money.Eur(p.Figures.GrossCents), Money.Eur(p.Figures.NetBeforeTaxCents), Money.Eur(p.Figures.TaxCents), Money.Eur(p.Figures.NetPaidCents), Money.Eur(p.AllowancesCents), Money.Eur(p.Figures.EmployerCostCents),
            p.DueOn, p.PaidOn, p.InvoiceId)).ToList();
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/{id:guid}", async (Guid id, GetStaffPayslip handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetStaffPayslip").WithSummary("Un bulletin du personnel d'un employeur").ProducesProblems();
    }
}
