using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Payroll;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The staff's validated wages as Payroll's day's SEPA batches pay them (its <see cref="IWageSource"/>): due ones, a batch's, joined to a batch, paid.</summary>
public sealed class StaffWages(PartageDbContext db, EmployerAccounts accounts)
{
    internal async Task<IReadOnlyList<DueWage>> DueAsync(DateOnly until, CancellationToken ct) =>
        await WagesAsync(db.Set<StaffPayslip>().Where(p => p.Status == StaffPayslipStatus.Validated && p.PaymentBatchId == null && p.DueOn <= until), ct);

    internal async Task<IReadOnlyList<DueWage>> InBatchAsync(Guid batch, CancellationToken ct) =>
        await WagesAsync(db.Set<StaffPayslip>().Where(p => p.PaymentBatchId == batch), ct);

    /// <summary>Puts wages into a batch; only those still outside any batch join it (the count tells the caller whether all did).</summary>
    internal Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Set<StaffPayslip>().Where(p => ids.Contains(p.Id) && p.PaymentBatchId == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.PaymentBatchId, batch), ct);

    internal Task<int> PaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct) =>
        db.Set<StaffPayslip>().Where(p => p.PaymentBatchId == batch)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, StaffPayslipStatus.Paid).SetProperty(p => p.PaidOn, paidOn), ct);

    private async Task<IReadOnlyList<DueWage>> WagesAsync(IQueryable<StaffPayslip> query, CancellationToken ct)
    {
        var entity = (await accounts.EntityAsync(ct)).Id;
        var rows = await query.AsNoTracking()
            .Join(db.Set<StaffContract>(), p => p.ContractId, c => c.Id, (p, c) => new { p.Id, p.Number, p.Period, p.Figures.NetPaidCents, p.AllowancesCents, Contract = c.Number, c.StaffMemberId })
            .Join(db.Set<StaffMember>(), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.Id, x.Number, x.Period, x.NetPaidCents, x.AllowancesCents, x.Contract, s.FirstName, s.LastName, s.Iban })
            .OrderBy(x => x.Number).ToListAsync(ct);
        return rows.Select(r => new DueWage(r.Id, entity, $"{r.FirstName} {r.LastName}", r.Iban, Money.Eur(r.NetPaidCents + r.AllowancesCents), r.Number,
            $"Salaire {r.Period} contrat {r.Contract} bulletin {r.Number}")).ToList();
    }
}
