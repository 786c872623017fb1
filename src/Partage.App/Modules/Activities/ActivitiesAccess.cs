using Partage.App.Security;

namespace Partage.App.Modules.Activities;

public static class ActivitiesAccess
{
    public static bool CanRead(Actor actor, Activity activity) =>
        actor.IsCooperativeStaff || actor.IsManagerOf(activity.OfficeId) || actor.MemberId == activity.MemberId;

    public static bool CanManage(Actor actor, Activity activity) => actor.IsAdmin || actor.IsManagerOf(activity.OfficeId);

    public static IQueryable<Activity> Visible(this IQueryable<Activity> activities, Actor actor)
    {
        if (actor.IsCooperativeStaff)
        {
            return activities;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return activities.Where(a => a.OfficeId == office);
        }

        if (actor.MemberId is { } member)
        {
            return activities.Where(a => a.MemberId == member);
        }

        return activities.Where(_ => false);
    }
}
