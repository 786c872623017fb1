using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities;

/// <summary>The members of an entity in a year (the annual report): those with an activity in it by the year's end, and those whose first activity in it opened that year.</summary>
public sealed record EntityMembership(LegalEntityId Entity, int Registered, int Joined);

/// <summary>What other modules may ask of the Activities module.</summary>
public interface IActivitiesApi
{
    /// <summary>Each entity's members in the year, in an office or all (<see cref="EntityMembership"/>).</summary>
    Task<IReadOnlyList<EntityMembership>> MembersByEntityAsync(DateRange year, OfficeId? office, CancellationToken ct = default);

    /// <summary>The activity if the actor may see it, else null (callers answer 404).</summary>
    Task<ActivityView?> FindVisibleAsync(ActivityId activity, Actor actor, CancellationToken ct = default);

    /// <summary>The names of several activities in one query (lists of invoices, jobs…; the caller has already filtered what the actor may see).</summary>
    Task<IReadOnlyDictionary<ActivityId, string>> NamesAsync(IReadOnlyCollection<ActivityId> ids, CancellationToken ct = default);

    /// <summary>A member's activities the actor may see.</summary>
    Task<IReadOnlyList<ActivityView>> ListForMemberAsync(MemberId member, Actor actor, CancellationToken ct = default);

    /// <summary>The entity's open activity (active or suspended) whose reference (<see cref="ActivityReference"/>) the text contains, or null.</summary>
    Task<ActivityView?> FindByReferenceAsync(LegalEntityId entity, string? text, CancellationToken ct = default);
}

/// <summary>
/// The reference a member gives their suppliers so that invoices find the activity (in the buyer reference BT-10 or
/// the order reference BT-13): "ACT-" and the last ten hexadecimal digits of its id — the random part of a version 7
/// id, so two activities share one with a chance under one in ten million at ten thousand activities.
/// </summary>
public static partial class ActivityReference
{
    public static string Of(ActivityId activity) => "ACT-" + activity.Value.ToString("N")[^10..].ToUpperInvariant();

    /// <summary>The references a text holds ("Commande ACT-1A2B3C4D5E du 3 mars"), in capitals.</summary>
    public static IReadOnlyList<string> In(string? text) =>
        text is null ? [] : Pattern().Matches(text).Select(m => m.Value.ToUpperInvariant()).Distinct().ToList();

    [System.Text.RegularExpressions.GeneratedRegex("ACT-[0-9A-F]{10}(?![0-9A-F])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}

/// <summary>
/// The contract, and the contracts Activities fulfils for modules below it (Members asks that
/// activities follow a moving member, the Ledger asks which activities owe the monthly fee): they
/// call their own interfaces and never this module, so the module graph has no cycle.
/// </summary>
internal sealed class ActivitiesApi(PartageDbContext db, ActivityViews views) : IActivitiesApi, IMemberOfficeFollower, IFeeBearingActivities, IActivityDirectory
{
    public async Task<IReadOnlyList<EntityMembership>> MembersByEntityAsync(DateRange year, OfficeId? office, CancellationToken ct = default)
    {
        var (start, end) = (ParisTime.UtcStartOf(year.Start), ParisTime.UtcStartOf(year.End.AddDays(1)));
        var firsts = db.Set<Activity>().AsNoTracking().Where(a => a.CreatedAt < end && (office == null || a.OfficeId == office))
            .GroupBy(a => new { a.LegalEntityId, a.MemberId }).Select(g => new { g.Key.LegalEntityId, First = g.Min(a => a.CreatedAt) });
        return await firsts.GroupBy(f => f.LegalEntityId).Select(g => new EntityMembership(g.Key, g.Count(), g.Count(f => f.First >= start))).ToListAsync(ct);
    }

    public async Task<ActivityView?> FindVisibleAsync(ActivityId activity, Actor actor, CancellationToken ct = default)
    {
        var found = await db.Set<Activity>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(a => a.Id == activity, ct);
        return found is null ? null : (await views.BuildAsync([found], ct))[0];
    }

    public async Task<IReadOnlyDictionary<ActivityId, string>> NamesAsync(IReadOnlyCollection<ActivityId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Activity>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    public async Task<IReadOnlyList<ActivityView>> ListForMemberAsync(MemberId member, Actor actor, CancellationToken ct = default) =>
        await views.BuildAsync(
            await db.Set<Activity>().AsNoTracking().Visible(actor).Where(a => a.MemberId == member).OrderBy(a => a.Name).ToListAsync(ct), ct);

    public async Task<ActivityView?> FindByReferenceAsync(LegalEntityId entity, string? text, CancellationToken ct = default)
    {
        var wanted = ActivityReference.In(text);
        if (wanted.Count == 0)
        {
            return null;
        }

        // The reference is a suffix of the id, which no index serves: the entity's open activities are read (ids only,
        // thousands at most, once per supplier's invoice) and matched here.
        var ids = await db.Set<Activity>().AsNoTracking().Where(a => a.LegalEntityId == entity && a.Status != ActivityStatus.Closed).Select(a => a.Id).ToListAsync(ct);
        var matches = ids.Where(id => wanted.Contains(ActivityReference.Of(id))).ToList();
        if (matches.Count != 1)
        {
            return null;
        }

        var found = await db.Set<Activity>().AsNoTracking().SingleAsync(a => a.Id == matches[0], ct);
        return (await views.BuildAsync([found], ct))[0];
    }

    public async Task<IReadOnlyList<ActivityId>> ActiveAsync(LegalEntityId entity, string module, DateOnly openedBy, CancellationToken ct = default)
    {
        var before = ParisTime.UtcStartOf(openedBy.AddDays(1));   // opened by the end of that day in Paris
        return await db.Set<Activity>().AsNoTracking()
            .Where(a => a.LegalEntityId == entity && a.ModuleCode == module && a.Status == ActivityStatus.Active && a.CreatedAt < before)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ActivityChoice>> ChoicesAsync(LegalEntityId entity, CancellationToken ct = default)
    {
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.LegalEntityId == entity)
            .OrderBy(a => a.Status == ActivityStatus.Active ? 0 : 1).ThenBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        return (await views.BuildAsync(activities, ct))
            .Select(a => new ActivityChoice(a.Id, $"{a.Name} — n° {a.MemberNumber} {a.MemberName}{(a.Status == ActivityStatus.Active ? string.Empty : $" — {ActivityLabels.Status(a.Status)}")}")).ToList();
    }

    public async Task FollowMemberToOfficeAsync(MemberId member, OfficeId office, CancellationToken ct = default)
    {
        foreach (var activity in await db.Set<Activity>().Where(a => a.MemberId == member).ToListAsync(ct))
        {
            activity.OfficeId = office;
        }
    }
}
