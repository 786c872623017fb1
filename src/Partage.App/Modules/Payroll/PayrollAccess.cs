using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll;

public static class PayrollAccess
{
    /// <summary>Payroll staff (and administrators) keep the payroll parameters.</summary>
    public static bool KeepsPayroll(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Payroll);

    public static void RequireStaff(Actor actor)
    {
        if (!KeepsPayroll(actor))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }
    }
}

/// <summary>Who may declare, sign, countersign and read jobs.</summary>
public static class JobsAccess
{
    public static bool CanDeclare(Actor actor, ActivityView activity) =>
        PayrollAccess.KeepsPayroll(actor) || actor.IsManagerOf(activity.OfficeId) || (actor.MemberId is { } member && member == activity.MemberId);

    /// <summary>The cooperative countersigns: payroll staff, or the manager of the member's office.</summary>
    public static bool CanCountersign(Actor actor, Job job) => PayrollAccess.KeepsPayroll(actor) || actor.IsManagerOf(job.OfficeId);

    public static IQueryable<Job> Visible(this IQueryable<Job> jobs, Actor actor) =>
        actor.IsCooperativeStaff ? jobs
        : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? jobs.Where(j => j.OfficeId == office)
        : actor.MemberId is { } member ? jobs.Where(j => j.MemberId == member)
        : jobs.Where(_ => false);
}
