using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members;

/// <summary>
/// Anonymises one person's record once no retention holds it: name, contact details, birth, NIR, IBAN and refusal reason
/// blanked, the account deleted, the e-mails kept for the address deleted, the values of the audit rows about the record
/// blanked (who did what and when stay). The row, its number (the series stays gapless), office, trade, dates and status
/// stay, for the cooperative's statistics and for the records other modules keep under that number. One transaction.
/// </summary>
public sealed class MemberErasure(PartageDbContext db, UserManager<PartageUser> users, Outbox outbox, IEnumerable<IAccountErasureFollower> followers, IAuditLog audit)
{
    public const string ErasedDomain = "@efface.invalid";

    /// <summary>
    /// Erases the member if <paramref name="stillErasable"/> holds once the row is read again inside the transaction (a
    /// member set active meanwhile stays); <paramref name="label"/> names the row afterwards (« Demande 42 »).
    /// </summary>
    public async Task<bool> EraseAsync(MemberId id, Func<Member, bool> stillErasable, string label, string action, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Set<Member>().SingleAsync(m => m.Id == id, ct);
        if (!stillErasable(member) || member.Email.EndsWith(ErasedDomain, StringComparison.Ordinal))
        {
            return false;
        }

        var email = member.Email;
        if (member.UserId is { } userId && await users.FindByIdAsync(userId.ToString()) is { } account)
        {
            member.UserId = null;
            foreach (var follower in followers)
            {
                await follower.ForgetAccountAsync(userId, ct);
            }

            await db.SaveChangesAsync(ct);
            await users.DeleteAsync(account);
        }

        var mobile = Infrastructure.Sms.MobileNumbers.ToE164(member.Phone);
        (member.FirstName, member.LastName, member.Email, member.Phone) = ("Anonyme", $"{label} {member.Number}", $"{member.Id.Value:N}{ErasedDomain}", null);
        (member.BirthDate, member.BirthPlace, member.BirthCountry, member.Gender) = (new DateOnly(1900, 1, 1), null, null, null);
        (member.Street, member.PostalCode, member.City, member.Nir, member.Iban, member.RefusalReason) = (string.Empty, string.Empty, string.Empty, null, null, null);
        member.RefreshSearchKey();
        await outbox.ForgetAsync(email, ct);
        if (mobile is not null)
        {
            await outbox.ForgetAsync(mobile, ct);   // the text messages sent to their mobile
        }
        await audit.RedactAsync("member", id.ToString(), ct);
        audit.Record(Actor.System, action, "member", id.ToString(), null, new { member.Number, Status = member.Status.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
