using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Notifications.Features;

/// <summary>Marks one of the account's notices as read, or all of them; another account's notice is not found.</summary>
public sealed class MarkNoticesRead(PartageDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var user = actor.UserId ?? throw new DomainException(NotificationsErrors.NotFound);
        var now = clock.GetUtcNow().UtcDateTime;

        // Conditional and idempotent: a second click, or a second tab, changes nothing and is not an error.
        if (await db.Set<Notice>().Where(n => n.Id == id && n.UserId == user && n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct) == 0
            && !await db.Set<Notice>().AnyAsync(n => n.Id == id && n.UserId == user, ct))
        {
            throw new DomainException(NotificationsErrors.NotFound);
        }
    }

    /// <summary>Every unread notice of the account; returns how many were marked.</summary>
    public async Task<int> AllAsync(Actor actor, CancellationToken ct = default)
    {
        var user = actor.UserId ?? throw new DomainException(NotificationsErrors.NoAccount);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Notice>().Where(n => n.UserId == user && n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
    }

    public static void Map(RouteGroupBuilder notices)
    {
        notices.MapPost("/{id:guid}/read", async (Guid id, MarkNoticesRead handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNoticeRead").WithSummary("Marquer une notification comme lue").ProducesProblems();
        notices.MapPost("/read-all", async (MarkNoticesRead handler, ActorAccessor actors, CancellationToken ct) =>
                new { Marked = await handler.AllAsync(await actors.GetAsync(ct), ct) })
            .WithName("MarkAllNoticesRead").WithSummary("Marquer toutes mes notifications comme lues").ProducesProblems();
    }
}
