using Partage.App.Security;

namespace Partage.App.Modules.Ledger;

public static class LedgerAccess
{
    /// <summary>Finance staff keep the books: accounts, manual entries, periods, reports, FEC.</summary>
    public static bool KeepsTheBooks(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    /// <summary>Anyone else is told the books do not exist (404), as for any resource they may not see.</summary>
    public static void RequireBooks(Actor actor)
    {
        if (!KeepsTheBooks(actor))
        {
            throw new Kernel.DomainException(LedgerErrors.NotFound);
        }
    }
}
