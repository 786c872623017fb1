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
