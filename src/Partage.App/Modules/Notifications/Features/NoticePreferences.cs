using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Notifications.Features;

/// <summary>How an account wants to hear of one kind of event: in Partage, by e-mail, both or neither.</summary>
public sealed record NoticeChoice(NoticeKind Kind, bool InApp, bool Email)
{
    public string Label => NotificationLabels.Kind(Kind);
}

/// <summary>The account's notification preferences: every kind it may receive (a manager's queues only for managers and staff), both channels on until the account says otherwise.</summary>
public sealed class NoticePreferences(PartageDbContext db, Modules.Audit.IAuditLog audit)
{
    public async Task<IReadOnlyList<NoticeChoice>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var user = actor.UserId ?? throw new DomainException(NotificationsErrors.NoAccount);
        var saved = await db.Set<NoticePreference>().AsNoTracking().Where(p => p.UserId == user).ToDictionaryAsync(p => p.Kind, ct);
        var managesWork = actor.IsCooperativeStaff || actor.IsInRole(Roles.Manager);
        return Enum.GetValues<NoticeKind>().Where(k => managesWork || !NotificationLabels.ForManagers(k))
            .Select(k => saved.TryGetValue(k, out var p) ? new NoticeChoice(k, p.InApp, p.Email) : new NoticeChoice(k, true, true)).ToList();
    }

    /// <summary>Saves the choices given; kinds not named keep what they were.</summary>
    public async Task<IReadOnlyList<NoticeChoice>> SaveAsync(IReadOnlyList<NoticeChoice>? choices, Actor actor, CancellationToken ct = default)
    {
        var user = actor.UserId ?? throw new DomainException(NotificationsErrors.NoAccount);
        choices ??= [];
        if (choices.Any(c => !Enum.IsDefined(c.Kind)))
        {
            var validation = new Validation();
            validation.Add(nameof(NoticeChoice.Kind), "Cette sorte de notification n'existe pas.");
            validation.ThrowIfInvalid();
        }

        if (choices.GroupBy(c => c.Kind).Any(g => g.Count() > 1))
        {
            throw new DomainException(NotificationsErrors.DuplicateKind);
        }

        var saved = await db.Set<NoticePreference>().Where(p => p.UserId == user).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var choice in choices)
        {
            if (!saved.TryGetValue(choice.Kind, out var row))
            {
                row = new NoticePreference { UserId = user, Kind = choice.Kind };
                db.Add(row);
            }

            row.InApp = choice.InApp;
            row.Email = choice.Email;
        }

        audit.Record(actor, "notifications.preferences_saved", "user", user.ToString(), null, choices.Select(c => new { c.Kind, c.InApp, c.Email }));
        await db.SaveChangesAsync(ct);
        return await GetAsync(actor, ct);
    }

    public static void Map(RouteGroupBuilder notices)
    {
        notices.MapGet("/preferences", async (NoticePreferences handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.GetAsync(await actors.GetAsync(ct), ct))
            .WithName("GetNoticePreferences").WithSummary("Mes préférences : chaque sorte de notification, dans Partage et par e-mail").ProducesProblems();
        notices.MapPut("/preferences", async (NoticeChoice[]? choices, NoticePreferences handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.SaveAsync(choices, await actors.GetAsync(ct), ct))
            .WithName("SaveNoticePreferences").WithSummary("Changer mes préférences de notification (les sortes non nommées ne changent pas)").ProducesProblems();
    }
}
