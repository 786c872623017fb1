using Partage.App.Security;

namespace Partage.App.Modules.Ledger;

public static class LedgerAccess
{
    /// <summary>Finance staff keep the books: accounts, manual entries, periods, reports, FEC.</summary>
    public static bool KeepsTheBooks(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);
}
