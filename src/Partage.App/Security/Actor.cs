using System.Security.Claims;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.Kernel;

namespace Partage.App.Security;

/// <summary>
/// Who is acting, with the resources their role is scoped to: a member acts for their own member
/// record, a manager for their office, an employer's account for that employer,
/// an applicant (registered, not yet approved) for their application only. Built once per request from the signed-in principal.
/// </summary>
public sealed record Actor(Guid? UserId, string Name, IReadOnlySet<string> Roles, MemberId? MemberId, OfficeId? ManagedOfficeId, EmployerId? EmployerId = null, MemberId? ApplicantId = null)
{
    /// <summary>The platform itself (command-line verbs, demo seeding): unrestricted.</summary>
    public static readonly Actor System = new(null, "système", new HashSet<string> { Security.Roles.Admin }, null, null);

    public static readonly Actor Anonymous = new(null, "anonyme", new HashSet<string>(), null, null);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Security.Roles.Admin);

    /// <summary>Finance, payroll, governance and administration read across the whole cooperative.</summary>
    public bool IsCooperativeStaff =>
        IsAdmin || IsInRole(Security.Roles.Finance) || IsInRole(Security.Roles.Payroll) || IsInRole(Security.Roles.Governance);

    public bool IsManagerOf(OfficeId office) => IsInRole(Security.Roles.Manager) && ManagedOfficeId == office;
}

/// <summary>Resolves the current <see cref="Actor"/> once per scope (request).</summary>
public sealed class ActorAccessor(IHttpContextAccessor http, IMembersApi members, IOfficesApi offices, IEmployersApi employers)
{
    private Actor? actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null)
        {
            return actor;
        }

        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return actor = Actor.Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var memberId = roles.Contains(Roles.Member) ? await members.FindMemberIdByUserAsync(userId, ct) : null;
        var officeId = roles.Contains(Roles.Manager) ? (await offices.FindManagerByUserAsync(userId, ct))?.OfficeId : null;
        var employerId = roles.Contains(Roles.Employer) ? await employers.FindEmployerByUserAsync(userId, ct) : null;
        var applicantId = roles.Contains(Roles.Applicant) ? await members.FindMemberIdByUserAsync(userId, ct) : null;
        return actor = new Actor(userId, principal.Identity.Name ?? string.Empty, roles, memberId, officeId, employerId, applicantId);
    }
}
