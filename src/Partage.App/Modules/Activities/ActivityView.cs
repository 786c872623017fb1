using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.Kernel;

namespace Partage.App.Modules.Activities;

public sealed record ActivityView(
    ActivityId Id,
    MemberId MemberId,
    long MemberNumber,
    string MemberName,
    OfficeId OfficeId,
    string LegalEntityCode,
    string LegalEntityName,
    string ModuleCode,
    string ModuleName,
    string Name,
    string? Description,
    ActivityStatus Status,
    ActivityManagerId? ManagerId,
    string? ManagerName,
    DateTime CreatedAt);

/// <summary>Turns activity rows into views, fetching the names they show from the modules that own them, once per page.</summary>
public sealed class ActivityViews(IMembersApi members, ILegalEntitiesApi entities, IOfficesApi offices)
{
    public async Task<IReadOnlyList<ActivityView>> BuildAsync(IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var people = await members.FindManyAsync(activities.Select(a => a.MemberId).Distinct().ToList(), ct);
        var entityList = await entities.ListAsync(ct);
        var modules = await entities.ListModulesAsync(ct);
        var managers = (await offices.ListManagersAsync(null, ct)).ToDictionary(m => m.Id);
        return activities.Select(a =>
        {
            var member = people.GetValueOrDefault(a.MemberId);
            var entity = entityList.FirstOrDefault(e => e.Id == a.LegalEntityId);
            return new ActivityView(
                a.Id, a.MemberId, member?.Number ?? 0, member?.FullName ?? string.Empty, a.OfficeId,
                entity?.Code ?? string.Empty, entity?.Name ?? string.Empty,
                a.ModuleCode, modules.FirstOrDefault(m => m.Code == a.ModuleCode)?.Name ?? a.ModuleCode,
                a.Name, a.Description, a.Status, a.ManagerId,
                a.ManagerId is { } id && managers.TryGetValue(id, out var manager) ? manager.FullName : null,
                a.CreatedAt);
        }).ToList();
    }
}
