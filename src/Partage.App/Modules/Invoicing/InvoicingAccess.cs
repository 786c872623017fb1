using Partage.App.Modules.Activities;
using Partage.App.Security;

namespace Partage.App.Modules.Invoicing;

public static class InvoicingAccess
{
    /// <summary>Who may write a draft or ask to issue it: the member of the activity, their office's manager, finance and administration.</summary>
    public static bool CanEdit(Actor actor, ActivityView activity) =>
        actor.IsAdmin || actor.IsInRole(Roles.Finance) || actor.IsManagerOf(activity.OfficeId) || actor.MemberId == activity.MemberId;

    /// <summary>Who may validate an invoice above the threshold: the office's manager, finance, administration.</summary>
    public static bool CanValidate(Actor actor, ActivityView activity) =>
        actor.IsAdmin || actor.IsInRole(Roles.Finance) || actor.IsManagerOf(activity.OfficeId);

    public static bool KeepsAccounts(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    public static IQueryable<Invoice> Visible(this IQueryable<Invoice> invoices, Actor actor)
    {
        if (actor.IsCooperativeStaff)
        {
            return invoices;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return invoices.Where(i => i.OfficeId == office);
        }

        return actor.MemberId is { } member ? invoices.Where(i => i.MemberId == member) : invoices.Where(_ => false);
    }
}
