using Partage.App.Security;

namespace Partage.App.Modules.Members;

/// <summary>Who may see and change which member: the rules in one place, used by every list and handler.</summary>
public static class MembersAccess
{
    public static bool CanRead(Actor actor, Member member) =>
        actor.IsCooperativeStaff || actor.IsManagerOf(member.OfficeId) || actor.MemberId == member.Id || actor.ApplicantId == member.Id;

    /// <summary>Contact details, address, IBAN and NIR.</summary>
    public static bool CanEditContact(Actor actor, Member member) =>
        actor.IsAdmin || actor.IsManagerOf(member.OfficeId) || actor.MemberId == member.Id;

    /// <summary>Civil data, trade, office, manager and status.</summary>
    public static bool CanEditRecord(Actor actor, Member member) => actor.IsAdmin || actor.IsManagerOf(member.OfficeId);

    public static bool CanCreate(Actor actor) => actor.IsAdmin || (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is not null);

    /// <summary>The members an actor may list, as a SQL filter.</summary>
    public static IQueryable<Member> Visible(this IQueryable<Member> members, Actor actor)
    {
        if (actor.IsCooperativeStaff)
        {
            return members;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return members.Where(m => m.OfficeId == office);
        }

        if ((actor.MemberId ?? actor.ApplicantId) is { } self)
        {
            return members.Where(m => m.Id == self);
        }

        return members.Where(_ => false);
    }
}
