using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>How long the platform keeps what it must not keep forever (section `Retention`).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Days an application that never became a membership (refused, or never confirmed or decided) is kept after it was
    /// made, for questions about it; then it is anonymised. No wage and no invoice was ever tied to it.
    /// </summary>
    public int ApplicationDays { get; set; } = 180;
}

/// <summary>
/// Erasure where no legal retention holds the data: the applications older than `Retention:ApplicationDays` that were
/// refused or are still pending are anonymised — name, contact details, birth, NIR, IBAN and refusal reason blanked, the
/// account deleted, the e-mails kept for the address deleted, the audit rows' values blanked — keeping only the row,
/// its number (the series stays gapless) and its status. Each application is one transaction; run every night.
/// </summary>
public sealed class EraseLapsedApplications(
    PartageDbContext db, UserManager<PartageUser> users, Outbox outbox, IAuditLog audit, Microsoft.Extensions.Options.IOptions<RetentionOptions> options, TimeProvider clock)
    : IScheduledWork
{
    public const string Key = "erase-applications";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ApplicationDays);
        var lapsed = await db.Set<Member>().AsNoTracking()
            .Where(m => (m.Status == MemberStatus.Refused || m.Status == MemberStatus.Pending) && m.CreatedAt < before && !m.Email.EndsWith(ErasedDomain))
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var id in lapsed)
        {
            await EraseAsync(id, ct);
        }

        return lapsed.Count == 0 ? null : $"{lapsed.Count} demande(s) d'adhésion anonymisée(s) après {options.Value.ApplicationDays} jours.";
    }

    private const string ErasedDomain = "@efface.invalid";

    private async Task EraseAsync(Kernel.MemberId id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Set<Member>().SingleAsync(m => m.Id == id, ct);
        var email = member.Email;
        if (member.UserId is { } userId && await users.FindByIdAsync(userId.ToString()) is { } account)
        {
            member.UserId = null;
            await db.SaveChangesAsync(ct);
            await users.DeleteAsync(account);
        }

        (member.FirstName, member.LastName, member.Email, member.Phone) = ("Anonyme", $"Demande {member.Number}", $"demande-{member.Id.Value:N}{ErasedDomain}", null);
        (member.BirthDate, member.BirthPlace, member.BirthCountry, member.Gender) = (new DateOnly(1900, 1, 1), null, null, null);
        (member.Street, member.PostalCode, member.City, member.Nir, member.Iban, member.RefusalReason) = (string.Empty, string.Empty, string.Empty, null, null, null);
        member.RefreshSearchKey();
        await outbox.ForgetAsync(email, ct);
        await audit.RedactAsync("member", id.ToString(), ct);
        audit.Record(Actor.System, "members.application_erased", "member", id.ToString(), null, new { member.Number, Status = member.Status.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
