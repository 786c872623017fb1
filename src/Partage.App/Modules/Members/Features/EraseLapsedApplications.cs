using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Scheduling;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>
/// Erasure where no legal retention holds the data: the applications older than `Retention:ApplicationDays` that were
/// refused or are still pending are anonymised — name, contact details, birth, NIR, IBAN and refusal reason blanked, the
/// account deleted, the e-mails kept for the address deleted, the audit rows' values blanked — keeping only the row,
/// its number (the series stays gapless) and its status. Each application is one transaction (MemberErasure); run every night.
/// </summary>
public sealed class EraseLapsedApplications(PartageDbContext db, MemberErasure erasure, IOptions<RetentionOptions> options, TimeProvider clock) : IScheduledWork
{
    public const string Key = "erase-applications";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ApplicationDays);
        var lapsed = await db.Set<Member>().AsNoTracking()
            .Where(m => (m.Status == MemberStatus.Refused || m.Status == MemberStatus.Pending) && m.CreatedAt < before && !m.Email.EndsWith(MemberErasure.ErasedDomain))
            .Select(m => m.Id).ToListAsync(ct);
        var erased = 0;
        foreach (var id in lapsed)
        {
            erased += await erasure.EraseAsync(id, m => m.Status is MemberStatus.Refused or MemberStatus.Pending, "Demande", "members.application_erased", ct) ? 1 : 0;
        }

        return erased == 0 ? null : $"{erased} demande(s) d'adhésion anonymisée(s) après {options.Value.ApplicationDays} jours.";
    }
}
