using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.LegalEntities;

/// <summary>
/// An entity's live-performance licence that ends within 60 days — its latest of each category, a renewal entered as a new
/// licence superseding it — is told to every finance account by e-mail, once: without a valid licence the cooperative
/// produces no show and hires no intermittent for one (Code du travail, L7122-3). Run every morning.
/// </summary>
public sealed class LicenceExpiryAlerts(PartageDbContext db, UserManager<PartageUser> users, Outbox outbox, TimeProvider clock) : IScheduledWork
{
    public const string Key = "licence-alerts";
    public const int NoticeDays = 60;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var latest = (await db.Set<PerformanceLicence>().ToListAsync(ct))
            .GroupBy(l => (l.LegalEntityId, l.Category)).Select(g => g.OrderBy(l => l.ValidUntil).Last())
            .Where(l => l.ValidUntil <= today.AddDays(NoticeDays) && l.ExpiryAlertSentOn is null).ToList();
        if (latest.Count == 0)
        {
            return null;
        }

        var names = await db.Set<LegalEntity>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var finance = (await users.GetUsersInRoleAsync(Roles.Finance)).Where(u => u.Email is not null && u.LockoutEnd is null).Select(u => u.Email!).ToList();
        foreach (var licence in latest)
        {
            var when = licence.ValidUntil < today ? $"a expiré le {licence.ValidUntil:dd/MM/yyyy}" : $"expire le {licence.ValidUntil:dd/MM/yyyy}";
            foreach (var address in finance)
            {
                outbox.Enqueue(address, $"Partage : la licence de spectacles {licence.Number} {when}",
                    $"Bonjour,\n\nLa licence d'entrepreneur de spectacles de catégorie {licence.Category} de {names.GetValueOrDefault(licence.LegalEntityId, "?")} ({licence.Number}) {when}.\n"
                    + "Sans licence valable (ou récépissé de déclaration, art. L7122-3 du code du travail), les contrats de spectacle sont refusés à la déclaration. "
                    + "Renouvelez la déclaration auprès de la DRAC et enregistrez la nouvelle licence.\n\nPartage");
            }

            licence.ExpiryAlertSentOn = today;
        }

        await db.SaveChangesAsync(ct);
        return $"{latest.Count} licence(s) à renouveler signalée(s) à {finance.Count} compte(s) finance.";
    }
}
