using Microsoft.EntityFrameworkCore;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Offices;

public sealed record OfficeView(OfficeId Id, string Name, string City, string Street, string PostalCode, DateOnly OpeningDate, OfficeKind Kind);

public sealed record ManagerView(ActivityManagerId Id, OfficeId OfficeId, string FullName, string Email, Guid? UserId);

/// <summary>What other modules may ask about offices and their activity managers.</summary>
public interface IOfficesApi
{
    Task<IReadOnlyList<OfficeView>> ListOfficesAsync(CancellationToken ct = default);

    Task<OfficeView?> FindOfficeAsync(OfficeId id, CancellationToken ct = default);

    Task<IReadOnlyList<ManagerView>> ListManagersAsync(OfficeId? office, CancellationToken ct = default);

    Task<ManagerView?> FindManagerAsync(ActivityManagerId id, CancellationToken ct = default);

    Task<ManagerView?> FindManagerByUserAsync(Guid userId, CancellationToken ct = default);
}

internal sealed class OfficesApi(PartageDbContext db) : IOfficesApi
{
    public async Task<IReadOnlyList<OfficeView>> ListOfficesAsync(CancellationToken ct = default) =>
        await db.Set<Office>().AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Name).Select(ToView).ToListAsync(ct);

    public Task<OfficeView?> FindOfficeAsync(OfficeId id, CancellationToken ct = default) =>
        db.Set<Office>().AsNoTracking().Where(o => o.Id == id).Select(ToView).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ManagerView>> ListManagersAsync(OfficeId? office, CancellationToken ct = default) =>
        await db.Set<ActivityManager>().AsNoTracking()
            .Where(m => office == null || m.OfficeId == office)
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName)
            .Select(ToManagerView).ToListAsync(ct);

    public Task<ManagerView?> FindManagerAsync(ActivityManagerId id, CancellationToken ct = default) =>
        db.Set<ActivityManager>().AsNoTracking().Where(m => m.Id == id).Select(ToManagerView).SingleOrDefaultAsync(ct);

    public Task<ManagerView?> FindManagerByUserAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<ActivityManager>().AsNoTracking().Where(m => m.UserId == userId).Select(ToManagerView).SingleOrDefaultAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<Office, OfficeView>> ToView =
        o => new OfficeView(o.Id, o.Name, o.City, o.Street, o.PostalCode, o.OpeningDate, o.Kind);

    private static readonly System.Linq.Expressions.Expression<Func<ActivityManager, ManagerView>> ToManagerView =
        m => new ManagerView(m.Id, m.OfficeId, m.FirstName + " " + m.LastName, m.Email, m.UserId);
}
