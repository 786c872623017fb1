using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Notifications;

/// <summary>
/// Tells people what waits for them. Both calls add to the caller's unit of work: the notice and the e-mail exist only if the
/// event they announce is saved. Each recipient's preferences choose the channels (both by default); whoever caused the
/// event is not told of it.
/// </summary>
/// <summary>What one member is told: a line, and the page where it is seen or done.</summary>
public sealed record MemberNotice(MemberId Member, string Text, string Link);

public interface INotificationsApi
{
    /// <summary>Tells a member (on their account, and at their e-mail address).</summary>
    Task NotifyMemberAsync(MemberId member, NoticeKind kind, string text, string link, Actor actor, CancellationToken ct = default);

    /// <summary>The same for many members at once (a payroll run, a wage batch), in a fixed number of queries.</summary>
    Task NotifyMembersAsync(NoticeKind kind, IReadOnlyList<MemberNotice> notices, Actor actor, CancellationToken ct = default);

    /// <summary>Tells the activity managers of an office (work waiting in their queue).</summary>
    Task NotifyManagersAsync(OfficeId office, NoticeKind kind, string text, string link, Actor actor, CancellationToken ct = default);
}

internal sealed class NotificationsApi(PartageDbContext db, IMembersApi members, IOfficesApi offices, Outbox outbox, IConfiguration configuration, TimeProvider clock) : INotificationsApi, IAccountErasureFollower
{
    private const int MaxText = 300;

    public Task NotifyMemberAsync(MemberId member, NoticeKind kind, string text, string link, Actor actor, CancellationToken ct = default) =>
        NotifyMembersAsync(kind, [new MemberNotice(member, text, link)], actor, ct);

    public async Task NotifyMembersAsync(NoticeKind kind, IReadOnlyList<MemberNotice> notices, Actor actor, CancellationToken ct = default)
    {
        var contacts = await members.ContactsAsync(notices.Select(n => n.Member).ToList(), ct);
        await SendAsync(kind, notices.Where(n => contacts.ContainsKey(n.Member))
            .Select(n => (contacts[n.Member].UserId, contacts[n.Member].Email, n.Text, n.Link)).ToList(), actor, ct);
    }

    public async Task NotifyManagersAsync(OfficeId office, NoticeKind kind, string text, string link, Actor actor, CancellationToken ct = default) =>
        await SendAsync(kind, (await offices.ListManagersAsync(office, ct)).Select(m => (m.UserId, m.Email, text, link)).ToList(), actor, ct);

    /// <summary>An erased member's notices name their clients and amounts: deleted with their account, preferences too.</summary>
    public async Task ForgetAccountAsync(Guid userId, CancellationToken ct = default)
    {
        await db.Set<Notice>().Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<NoticePreference>().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
    }

    private async Task SendAsync(NoticeKind kind, IReadOnlyList<(Guid? UserId, string Email, string Text, string Link)> recipients, Actor actor, CancellationToken ct)
    {
        // Whoever caused the event already knows.
        recipients = recipients.Where(r => r.UserId is null || r.UserId != actor.UserId).ToList();
        var accounts = recipients.Select(r => r.UserId).OfType<Guid>().Distinct().ToList();
        var choices = await db.Set<NoticePreference>().AsNoTracking().Where(p => p.Kind == kind && accounts.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (userId, email, text, link) in recipients)
        {
            var line = text.Length > MaxText ? text[..(MaxText - 1)] + "…" : text;
            var choice = userId is { } id ? choices.GetValueOrDefault(id) : null;
            if (userId is { } account && choice?.InApp != false)
            {
                db.Add(new Notice { UserId = account, Kind = kind, Text = line, Link = link, CreatedAt = now });
            }

            if (choice?.Email != false && !NotificationLabels.EmailedByTheirModule(kind) && !string.IsNullOrWhiteSpace(email))
            {
                outbox.Enqueue(email, $"Partage : {line}", Body(line, link));
            }
        }
    }

    private string Body(string text, string link)
    {
        var site = configuration["App:PublicUrl"]?.TrimEnd('/');   // required outside Development (RequiredSettings)
        return $"""
            Bonjour,

            {text}.

            Pour le voir dans Partage : {site}{link}

            Vous recevez ce message selon vos préférences de notification, que vous pouvez changer ici : {site}/notifications
            """;
    }
}
