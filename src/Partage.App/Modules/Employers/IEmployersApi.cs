using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

/// <summary>What other parts of the platform ask of the Employers module.</summary>
public interface IEmployersApi
{
    /// <summary>The employer a platform account acts for (role Employer), if any.</summary>
    Task<EmployerId?> FindEmployerByUserAsync(Guid userId, CancellationToken ct = default);
}

/// <summary>
/// The contract, light on purpose: <c>ActorAccessor</c> resolves it on every request, so it needs
/// only the database, not the payroll and invoicing graph.
/// </summary>
internal sealed class EmployersApi(PartageDbContext db) : IEmployersApi
{
    public async Task<EmployerId?> FindEmployerByUserAsync(Guid userId, CancellationToken ct = default) =>
        await db.Set<EmployerUser>().AsNoTracking().Where(u => u.UserId == userId).Select(u => (EmployerId?)u.EmployerId).SingleOrDefaultAsync(ct);
}

/// <summary>
/// What Employers fulfils for the modules it builds on: Payroll pays the staff's wages and declares
/// their hires (<see cref="IWageSource"/>, <see cref="IHiringSource"/>), Invoicing matches bank
/// credits to employer invoices (<see cref="IReceivableSource"/>). They call their own interfaces,
/// never this module, so the module graph has no cycle.
/// </summary>
internal sealed class EmployerServices(ComputeStaffPayslips payslips, StaffWages staffWages, StaffHires hires, EmployerReceivables receivables)
    : IWageSource, IHiringSource, IReceivableSource
{
    public Task<int> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default) => payslips.HandleAsync(until, actor, ct);

    public Task<IReadOnlyList<DueWage>> DueWagesAsync(DateOnly until, CancellationToken ct = default) => staffWages.DueAsync(until, ct);

    public Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> wages, CancellationToken ct = default) => staffWages.JoinBatchAsync(batch, wages, ct);

    public Task<IReadOnlyList<DueWage>> BatchWagesAsync(Guid batch, CancellationToken ct = default) => staffWages.InBatchAsync(batch, ct);

    public Task WagesPaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct = default) => staffWages.PaidAsync(batch, paidOn, ct);

    public Task<IReadOnlyList<Partage.App.Modules.Payroll.Features.DpaeDeclaration>> DpaeDeclarationsAsync(DateOnly from, DateOnly to, string declarantPhone, CancellationToken ct = default) =>
        hires.DeclarationsAsync(from, to, declarantPhone, ct);

    public Task<IReadOnlyList<Receivable>> OpenAsync(LegalEntityId entity, CancellationToken ct = default) => receivables.OpenAsync(entity, ct);

    public Task SettleAsync(Guid invoice, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct = default) =>
        receivables.SettleAsync(invoice, amount, on, from, label, actor, ct);
}
