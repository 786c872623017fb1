using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members;

/// <summary>What an employer needs of the person it hires (contract, DPAE, payslip, wage transfer).</summary>
public sealed record EmployeeIdentity(
    MemberId Id, long Number, string FirstName, string LastName, string Email, DateOnly BirthDate, string Street, string PostalCode, string City, string Country,
    string? Nir, string? Iban)
{
    /// <summary>The town of birth, if given (the DSN requires it of anyone born in France).</summary>
    public string? BirthPlace { get; init; }

    /// <summary>The country of birth (ISO 3166) of someone born abroad; null for France.</summary>
    public string? BirthCountry { get; init; }

    /// <summary>The phone number as the member gave it (a signature code also goes there by SMS when it is a mobile).</summary>
    public string? Phone { get; init; }
}

/// <summary>A member as other modules need to know them.</summary>
public sealed record MemberRef(MemberId Id, long Number, string FullName, OfficeId OfficeId, ActivityManagerId? ManagerId, MemberStatus Status);

/// <summary>Where a member is reached: their account, if they have one, and their e-mail address.</summary>
public sealed record MemberContact(MemberId Id, Guid? UserId, string Email);

/// <summary>The members of a period (a year of the annual report, a month of an office's dashboard): registered by its end, and those who joined in it.</summary>
public sealed record MembershipCounts(DateRange Period, int Registered, int Joined);

/// <summary>Members alike on a day (the annual report's shares): how many of a gender, born in a year, in an office, of a trade.</summary>
public sealed record MemberProfileCount(Gender? Gender, int BirthYear, OfficeId Office, string TradeCode, int Count);

/// <summary>What other modules may ask of the Members module.</summary>
public interface IMembersApi
{
    Task<MemberId?> FindMemberIdByUserAsync(Guid userId, CancellationToken ct = default);

    /// <summary>The member with this member number (staff forms name members by number).</summary>
    Task<MemberId?> FindMemberIdByNumberAsync(long number, CancellationToken ct = default);

    /// <summary>The member if the actor may see them, else null (callers answer 404).</summary>
    Task<MemberRef?> FindVisibleAsync(MemberId id, Actor actor, CancellationToken ct = default);

    Task<IReadOnlyDictionary<MemberId, MemberRef>> FindManyAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default);

    /// <summary>How to reach these members (notifications), in one query; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<MemberId, MemberContact>> ContactsAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default);

    /// <summary>The member as an employee, for the cooperative's own payroll (callers have checked the actor's right on the job).</summary>
    Task<EmployeeIdentity?> EmployeeAsync(MemberId id, CancellationToken ct = default);

    /// <summary>The same for many members in one query (a payroll run, a transfer file).</summary>
    Task<IReadOnlyDictionary<MemberId, EmployeeIdentity>> EmployeesAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default);

    /// <summary>Members (not applicants nor refused applications) registered by the end of each period, and those who joined in it, in an office or all.</summary>
    Task<IReadOnlyList<MembershipCounts>> MembershipAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default);

    /// <summary>The members registered by the end of <paramref name="at"/> (those <see cref="MembershipAsync"/> counts), grouped by gender, year of birth, office and trade.</summary>
    Task<IReadOnlyList<MemberProfileCount>> ProfileAsync(DateOnly at, OfficeId? office, CancellationToken ct = default);
}

internal sealed class MembersApi(PartageDbContext db) : IMembersApi
{
    public async Task<IReadOnlyList<MemberProfileCount>> ProfileAsync(DateOnly at, OfficeId? office, CancellationToken ct = default)
    {
        var end = ParisTime.UtcStartOf(at.AddDays(1));
        return await Registered(office).Where(m => m.CreatedAt < end)
            .GroupBy(m => new { m.Gender, m.BirthDate.Year, m.OfficeId, m.TradeCode })
            .Select(g => new MemberProfileCount(g.Key.Gender, g.Key.Year, g.Key.OfficeId, g.Key.TradeCode, g.Count())).ToListAsync(ct);
    }

    /// <summary>The first index of the value found at <paramref name="found"/> in a sorted list (equal instants come together).</summary>
    private static int FirstOf(List<DateTime> sorted, int found)
    {
        while (found > 0 && sorted[found - 1] == sorted[found])
        {
            found--;
        }

        return found;
    }

    /// <summary>The members who count as registered (not applicants nor refused applications), in an office or all.</summary>
    private IQueryable<Member> Registered(OfficeId? office) =>
        db.Set<Member>().AsNoTracking().Where(m => m.Status == MemberStatus.Active || m.Status == MemberStatus.Inactive).Where(m => office == null || m.OfficeId == office);

    public async Task<IReadOnlyList<MembershipCounts>> MembershipAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        // One read of the registration instants, counted per period in memory: a dashboard asks for two dozen months.
        var last = ParisTime.UtcStartOf(periods.Max(p => p.End).AddDays(1));
        var registered = await Registered(office).Where(m => m.CreatedAt < last).Select(m => m.CreatedAt).ToListAsync(ct);
        registered.Sort();
        int Before(DateTime instant) => registered.BinarySearch(instant) is var i && i >= 0 ? FirstOf(registered, i) : ~i;
        return periods.Select(p =>
        {
            var (start, end) = (Before(ParisTime.UtcStartOf(p.Start)), Before(ParisTime.UtcStartOf(p.End.AddDays(1))));
            return new MembershipCounts(p, end, end - start);
        }).ToList();
    }

    public async Task<MemberId?> FindMemberIdByUserAsync(Guid userId, CancellationToken ct = default) =>
        await db.Set<Member>().AsNoTracking().Where(m => m.UserId == userId).Select(m => (MemberId?)m.Id).SingleOrDefaultAsync(ct);

    public async Task<MemberId?> FindMemberIdByNumberAsync(long number, CancellationToken ct = default) =>
        await db.Set<Member>().AsNoTracking().Where(m => m.Number == number).Select(m => (MemberId?)m.Id).SingleOrDefaultAsync(ct);

    public async Task<MemberRef?> FindVisibleAsync(MemberId id, Actor actor, CancellationToken ct = default)
    {
        var member = await db.Set<Member>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return member is not null && MembersAccess.CanRead(actor, member) ? ToRef(member) : null;
    }

    public async Task<IReadOnlyDictionary<MemberId, MemberRef>> FindManyAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default) =>
        (await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct)).ToDictionary(m => m.Id, ToRef);

    public async Task<IReadOnlyDictionary<MemberId, MemberContact>> ContactsAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Member>().AsNoTracking().Where(m => wanted.Contains(m.Id)).Select(m => new MemberContact(m.Id, m.UserId, m.Email)).ToDictionaryAsync(c => c.Id, ct);
    }

    public async Task<EmployeeIdentity?> EmployeeAsync(MemberId id, CancellationToken ct = default) =>
        await db.Set<Member>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new EmployeeIdentity(m.Id, m.Number, m.FirstName, m.LastName, m.Email, m.BirthDate, m.Street, m.PostalCode, m.City, m.Country, m.Nir, m.Iban) { BirthPlace = m.BirthPlace, BirthCountry = m.BirthCountry, Phone = m.Phone })
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<MemberId, EmployeeIdentity>> EmployeesAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Member>().AsNoTracking().Where(m => wanted.Contains(m.Id))
            .Select(m => new EmployeeIdentity(m.Id, m.Number, m.FirstName, m.LastName, m.Email, m.BirthDate, m.Street, m.PostalCode, m.City, m.Country, m.Nir, m.Iban) { BirthPlace = m.BirthPlace, BirthCountry = m.BirthCountry })
            .ToDictionaryAsync(e => e.Id, ct);
    }

    private static MemberRef ToRef(Member m) => new(m.Id, m.Number, m.FullName, m.OfficeId, m.ManagerId, m.Status);
}

/// <summary>
/// A module whose records follow a member to their new office (Activities: the member's
/// activities). Members calls every one in the update's unit of work; the module implements this
/// interface instead of Members calling it, so the module graph has no cycle.
/// </summary>
public interface IMemberOfficeFollower
{
    Task FollowMemberToOfficeAsync(MemberId member, OfficeId office, CancellationToken ct = default);
}

/// <summary>
/// A module that keeps rows for an account (Notifications: its notices and preferences) and forgets them when the member's
/// data is erased. Members calls every one in the erasure's transaction; the module implements this interface, so the
/// module graph has no cycle.
/// </summary>
public interface IAccountErasureFollower
{
    Task ForgetAccountAsync(Guid userId, CancellationToken ct = default);
}
