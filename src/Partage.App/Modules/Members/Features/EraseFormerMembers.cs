using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Scheduling;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>
/// Erasure of former members once the law no longer holds their data: a member set inactive at least
/// `Retention:FormerMemberDays` ago is anonymised (MemberErasure) when every module that keeps records naming them says
/// their legal period is over — Payroll (contracts and payslips, `Retention:PayrollYears`) and Invoicing (invoices and
/// quotes, `Retention:AccountingYears` after the fiscal year's close). The books never name a member (entries carry
/// numbers), so they stay as they are. An inactive member whose leaving day is unknown (set inactive before this day was
/// kept) gets today's, and their delay starts now. Each member is one transaction; run every night.
/// </summary>
public sealed class EraseFormerMembers(
    PartageDbContext db, MemberErasure erasure, IEnumerable<IMemberRecordKeeper> keepers, IOptions<RetentionOptions> options, TimeProvider clock) : IScheduledWork
{
    public const string Key = "erase-former-members";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await db.Set<Member>().Where(m => m.Status == MemberStatus.Inactive && m.LeftOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeftOn, (DateOnly?)today), ct);
        var leftBefore = today.AddDays(-options.Value.FormerMemberDays);
        var candidates = await db.Set<Member>().AsNoTracking()
            .Where(m => m.Status == MemberStatus.Inactive && m.LeftOn < leftBefore && !m.Email.EndsWith(MemberErasure.ErasedDomain))
            .Select(m => m.Id).ToListAsync(ct);
        var keptUntil = new Dictionary<MemberId, DateOnly>();
        foreach (var keeper in keepers)
        {
            foreach (var (member, last) in await keeper.LastRecordedAsync(candidates, ct))
            {
                var until = options.Value.KeptUntil(keeper.Kind, last);
                keptUntil[member] = keptUntil.TryGetValue(member, out var other) && other > until ? other : until;
            }
        }

        var erased = 0;
        foreach (var id in candidates.Where(id => !keptUntil.TryGetValue(id, out var until) || until < today))
        {
            erased += await erasure.EraseAsync(id, m => m.Status == MemberStatus.Inactive && m.LeftOn < leftBefore, "Ancien membre", "members.former_member_erased", ct) ? 1 : 0;
        }

        var held = candidates.Count - erased;
        return candidates.Count == 0 ? null
            : $"{erased} ancien(s) membre(s) anonymisé(s) ; {held} encore gardé(s) pour la durée légale de leurs bulletins ou factures.";
    }
}
