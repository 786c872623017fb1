using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Members;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>
/// A former member's contracts and payslips are kept for the payroll retention after the last period they cover or its
/// payment, whichever is later (Code du travail, L3243-4: the employer keeps a copy of each payslip five years).
/// </summary>
internal sealed class PayrollRecordKeeper(PartageDbContext db) : IMemberRecordKeeper
{
    public RetainedRecords Kind => RetainedRecords.Payroll;

    public async Task<IReadOnlyDictionary<MemberId, DateOnly>> LastRecordedAsync(IReadOnlyCollection<MemberId> members, CancellationToken ct = default)
    {
        var wanted = members.ToList();
        var jobs = await db.Set<Job>().AsNoTracking().Where(j => wanted.Contains(j.MemberId))
            .GroupBy(j => j.MemberId).Select(g => new { Member = g.Key, Last = g.Max(j => j.End) }).ToListAsync(ct);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => wanted.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.To, p.PaidOn }).ToListAsync(ct);
        var last = jobs.ToDictionary(j => j.Member, j => j.Last);
        foreach (var payslip in payslips)
        {
            var day = payslip.PaidOn is { } paid && paid > payslip.To ? paid : payslip.To;
            last[payslip.MemberId] = last.TryGetValue(payslip.MemberId, out var other) && other > day ? other : day;
        }

        return last;
    }
}
