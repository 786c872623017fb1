using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Activities.Features;

public sealed record CreateActivityInput(string? Name, string? Description, string? LegalEntityId, string? ModuleCode);

/// <summary>Opens an activity for a member: administration, or the manager of the member's office.</summary>
public sealed class CreateActivity(PartageDbContext db, IMembersApi members, ILegalEntitiesApi entities, IAuditLog audit, ActivityViews views, TimeProvider clock)
{
    public async Task<ActivityView> HandleAsync(MemberId memberId, CreateActivityInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await members.FindVisibleAsync(memberId, actor, ct);
        if (member is null || !(actor.IsAdmin || actor.IsManagerOf(member.OfficeId)))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        var v = new Validation();
        var name = v.Required(nameof(input.Name), "Le nom de l'activité", input.Name, 150);
        var description = v.Optional(nameof(input.Description), "La description", input.Description, 2000);
        var entityId = v.Id<LegalEntityId>(nameof(input.LegalEntityId), "L'entité", input.LegalEntityId, required: true);
        var moduleCode = v.Required(nameof(input.ModuleCode), "Le module", input.ModuleCode, 30);
        v.ThrowIfInvalid();
        if (member.Status != MemberStatus.Active)
        {
            throw new DomainException(ActivitiesErrors.MemberInactive);
        }

        if (!await entities.OffersModuleAsync(entityId!.Value, moduleCode, ct))
        {
            throw new DomainException(ActivitiesErrors.ModuleNotOffered);
        }

        if (await db.Set<Activity>().AnyAsync(a => a.MemberId == memberId && a.Name == name, ct))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        var activity = new Activity
        {
            Id = TypedId.New<ActivityId>(),
            MemberId = memberId,
            OfficeId = member.OfficeId,
            LegalEntityId = entityId.Value,
            ModuleCode = moduleCode,
            Name = name,
            Description = description,
            Status = ActivityStatus.Active,
            ManagerId = member.ManagerId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(activity);
        audit.Record(actor, "activities.created", "activity", activity.Id.ToString(), null,
            new { activity.Name, MemberId = memberId.Value, activity.ModuleCode, LegalEntityId = activity.LegalEntityId.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        return (await views.BuildAsync([activity], ct))[0];
    }
}

public sealed record UpdateActivityInput(string? Name, string? Description, string? Status);

public sealed class UpdateActivity(PartageDbContext db, IAuditLog audit, ActivityViews views)
{
    public async Task<ActivityView> HandleAsync(ActivityId id, UpdateActivityInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var activity = await db.Set<Activity>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !ActivitiesAccess.CanManage(actor, activity))
        {
            throw new DomainException(ActivitiesErrors.NotFound);
        }

        var before = new { activity.Name, activity.Description, Status = activity.Status.ToString() };
        var v = new Validation();
        if (input.Name is not null)
        {
            activity.Name = v.Required(nameof(input.Name), "Le nom de l'activité", input.Name, 150);
        }

        if (input.Description is not null)
        {
            activity.Description = v.Optional(nameof(input.Description), "La description", input.Description, 2000);
        }

        if (input.Status is not null)
        {
            activity.Status = v.Enum<ActivityStatus>(nameof(input.Status), "Le statut", input.Status, required: true) ?? activity.Status;
        }

        v.ThrowIfInvalid();
        if (await db.Set<Activity>().AnyAsync(a => a.MemberId == activity.MemberId && a.Name == activity.Name && a.Id != activity.Id, ct))
        {
            throw new DomainException(ActivitiesErrors.DuplicateName);
        }

        audit.Record(actor, "activities.updated", "activity", activity.Id.ToString(), before,
            new { activity.Name, activity.Description, Status = activity.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return (await views.BuildAsync([activity], ct))[0];
    }
}

public sealed record ActivitySearch
{
    public string? Q { get; init; }

    public string? Status { get; init; }

    public string? MemberId { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed class SearchActivities(PartageDbContext db, ActivityViews views)
{
    public async Task<PagedResult<ActivityView>> HandleAsync(ActivitySearch search, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var status = v.Enum<ActivityStatus>(nameof(search.Status), "Le statut", search.Status, required: false);
        var memberId = v.Id<MemberId>(nameof(search.MemberId), "Le membre", search.MemberId, required: false);
        var text = v.Optional(nameof(search.Q), "La recherche", search.Q, 150);
        v.ThrowIfInvalid();
        var query = db.Set<Activity>().AsNoTracking().Visible(actor);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (memberId is { } m)
        {
            query = query.Where(a => a.MemberId == m);
        }

        if (text is not null)
        {
            var pattern = $"%{text.ToLowerInvariant()}%";
            query = query.Where(a => EF.Functions.Like(a.Name.ToLower(), pattern));
        }

        var page = await query.OrderByDescending(a => a.CreatedAt).ToPageAsync(new PageRequest(search.Page, search.PageSize), ct);
        return new PagedResult<ActivityView>(await views.BuildAsync(page.Items, ct), page.Page, page.PageSize, page.Total);
    }
}

public sealed class GetActivity(PartageDbContext db, ActivityViews views)
{
    public async Task<ActivityView> HandleAsync(ActivityId id, Actor actor, CancellationToken ct = default)
    {
        var activity = await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !ActivitiesAccess.CanRead(actor, activity))
        {
            throw new DomainException(ActivitiesErrors.NotFound);
        }

        return (await views.BuildAsync([activity], ct))[0];
    }
}
