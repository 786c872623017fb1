using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Notifications.Features;

public sealed record NoticeView(Guid Id, NoticeKind Kind, string Text, string Link, DateTime CreatedAt, bool Read);

/// <summary>A page of the account's notices, newest first, with how many are unread.</summary>
public sealed record NoticeList(PagedResult<NoticeView> Notices, int Unread);

/// <summary>The signed-in account's own notices (nobody reads another's): newest first, paged, unread ones counted.</summary>
public sealed class ListNotices(PartageDbContext db)
{
    public async Task<NoticeList> HandleAsync(bool unreadOnly, int? page, int? pageSize, Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is not { } user)
        {
            return new NoticeList(new PagedResult<NoticeView>([], 1, PageRequest.DefaultSize, 0), 0);
        }

        var mine = db.Set<Notice>().AsNoTracking().Where(n => n.UserId == user);
        var notices = await (unreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NoticeView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToPageAsync(new PageRequest(page, pageSize), ct);
        return new NoticeList(notices, await UnreadAsync(actor, ct));
    }

    /// <summary>The menu's count.</summary>
    public Task<int> UnreadAsync(Actor actor, CancellationToken ct = default) =>
        actor.UserId is { } user ? db.Set<Notice>().CountAsync(n => n.UserId == user && n.ReadAt == null, ct) : Task.FromResult(0);

    public static void Map(RouteGroupBuilder notices)
    {
        notices.MapGet("/", async (bool? unread, int? page, int? pageSize, ListNotices handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(unread == true, page, pageSize, await actors.GetAsync(ct), ct))
            .WithName("ListNotices").WithSummary("Mes notifications, les plus récentes d'abord (et le nombre de non lues)").ProducesProblems();
    }
}
