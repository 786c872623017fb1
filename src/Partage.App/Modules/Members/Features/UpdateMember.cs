using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>
/// A change to a member. A null field is left as it is; an empty phone clears it. NIR and IBAN
/// are replaced only when a new value is typed (they are never sent back to a form in clear).
/// </summary>
public sealed record UpdateMemberInput
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? BirthDate { get; init; }

    /// <summary>The town of birth; abroad, the town and the country's ISO code below.</summary>
    public string? BirthPlace { get; init; }

    public string? BirthCountry { get; init; }

    public string? Gender { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Nir { get; init; }

    public string? Iban { get; init; }

    public string? Trade { get; init; }

    public string? OfficeId { get; init; }

    public string? ManagerId { get; init; }

    public string? Status { get; init; }

    /// <summary>Fields only staff change: civil data (names, birth date, gender: what the DSN and the DPAE declare) and the membership's placement.</summary>
    public bool TouchesRecord =>
        FirstName is not null || LastName is not null || BirthDate is not null || Gender is not null || Trade is not null
        || OfficeId is not null || ManagerId is not null || Status is not null;
}

public sealed class UpdateMember(PartageDbContext db, IOfficesApi offices, IEnumerable<IMemberOfficeFollower> followers, IAuditLog audit, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<PartageUser> users)
{
    public async Task<MemberView> HandleAsync(MemberId id, UpdateMemberInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await db.Set<Member>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !MembersAccess.CanEditContact(actor, member))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        if (input.TouchesRecord && !MembersAccess.CanEditRecord(actor, member))
        {
            throw new DomainException(MembersErrors.FieldReservedToStaff);
        }

        var before = MemberFields.AuditSnapshot(member);
        var (nirBefore, ibanBefore, statusBefore) = (member.Nir, member.Iban, member.Status);
        var (officeId, managerId) = Apply(member, input);
        var v = new Validation();
        var officeBefore = member.OfficeId;
        if (officeId is not null || managerId is not null)
        {
            await MemberFields.PlaceInOfficeAsync(v, db, offices, member, officeId ?? member.OfficeId, managerId, actor, ct);
        }

        if (member.OfficeId != officeBefore)
        {
            foreach (var follower in followers)
            {
                await follower.FollowMemberToOfficeAsync(member.Id, member.OfficeId, ct);
            }
        }

        await MemberFields.CheckUniqueAsync(v, db, member, ct);
        v.ThrowIfInvalid();
        member.RefreshSearchKey();
        if (member.Status != statusBefore)
        {
            member.LeftOn = member.Status == MemberStatus.Inactive ? clock.Today() : null;
            await FollowStatusWithAccountAsync(member);
        }

        Audit(actor, member, before, nirBefore, ibanBefore);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException(MembersErrors.DuplicateNir);
        }

        var office = await offices.FindOfficeAsync(member.OfficeId, ct);
        var manager = member.ManagerId is { } m ? await offices.FindManagerAsync(m, ct) : null;
        return MemberView.From(member, office?.Name, manager?.FullName);
    }

    /// <summary>
    /// An inactive member's account is locked and its security stamp renewed, in the same unit of work: her tokens and
    /// sessions end at once and she cannot sign in; set active again, she signs in anew.
    /// </summary>
    private async Task FollowStatusWithAccountAsync(Member member)
    {
        if (member.UserId is { } userId && await users.FindByIdAsync(userId.ToString()) is { } account)
        {
            account.LockoutEnabled = true;
            account.LockoutEnd = member.Status == MemberStatus.Inactive ? DateTimeOffset.MaxValue : null;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>The fields given applied to the member, each checked; the office and manager asked for, placed by the caller.</summary>
    private (OfficeId? Office, ActivityManagerId? Manager) Apply(Member member, UpdateMemberInput input)
    {
        var v = new Validation();
        if (input.FirstName is not null)
        {
            member.FirstName = v.PersonName(nameof(input.FirstName), "Le prénom", input.FirstName, 100);
        }

        if (input.LastName is not null)
        {
            member.LastName = v.PersonName(nameof(input.LastName), "Le nom", input.LastName, 100);
        }

        MemberFields.ApplyContact(v, member, input.Phone, input.Street, input.PostalCode, input.City, input.Country, input.Nir, input.Iban, required: false);
        MemberFields.ApplyCivil(v, member, input.BirthDate, input.Gender, input.Trade, clock.Today());
        MemberFields.ApplyBirthplace(v, member, input.BirthPlace, input.BirthCountry, input.Nir);
        if (input.Status is not null)
        {
            var status = v.Enum<MemberStatus>(nameof(input.Status), "Le statut", input.Status, required: true) ?? member.Status;
            if (status != member.Status && (status is not (MemberStatus.Active or MemberStatus.Inactive) || member.Status is not (MemberStatus.Active or MemberStatus.Inactive)))
            {
                // An application is decided by its approval or refusal (the account's role follows), not by editing a status.
                v.Add(nameof(input.Status), "Une demande d'adhésion s'accepte ou se refuse depuis la file des adhésions ; le statut ne passe ici que d'actif à inactif.");
            }
            else
            {
                member.Status = status;
            }
        }

        var officeId = v.Id<OfficeId>(nameof(input.OfficeId), "Le bureau", input.OfficeId, required: false);
        var managerId = v.Id<ActivityManagerId>(nameof(input.ManagerId), "Le gestionnaire", input.ManagerId, required: false);
        v.ThrowIfInvalid();
        return (officeId, managerId);
    }

    /// <summary>The change recorded, and the bank and social security numbers' changes on their own, masked.</summary>
    private void Audit(Actor actor, Member member, object before, string? nirBefore, string? ibanBefore)
    {
        audit.Record(actor, "members.updated", "member", member.Id.ToString(), before, MemberFields.AuditSnapshot(member));
        if (member.Iban != ibanBefore)
        {
            audit.Record(actor, "members.iban_changed", "member", member.Id.ToString(),
                new { Iban = ibanBefore is null ? null : Iban.Parse(ibanBefore).Masked }, new { Iban = Iban.Parse(member.Iban!).Masked });
        }

        if (member.Nir != nirBefore)
        {
            audit.Record(actor, "members.nir_changed", "member", member.Id.ToString(),
                new { Nir = nirBefore is null ? null : Nir.Parse(nirBefore).Masked }, new { Nir = Nir.Parse(member.Nir!).Masked });
        }
    }

    public static void Map(RouteGroupBuilder members)
    {
        members.MapPatch("/{id:guid}", async (Guid id, UpdateMemberInput input, UpdateMember handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new MemberId(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateMember").WithSummary("Modifier un membre (champs omis inchangés)")
            .ProducesProblems();
    }
}
