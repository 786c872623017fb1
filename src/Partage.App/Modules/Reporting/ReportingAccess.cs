using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting;

public static class ReportingErrors
{
    public static readonly ErrorCode NotFound = new("reporting.not_found", "Ce rapport n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode BadFile = new("reporting.bad_file", "Ce fichier d'historique ne se lit pas.");
}

/// <summary>
/// The cooperative's staff read the report of the group, any entity or office, and load history (administration, finance,
/// governance); an activity manager reads their own office's report only; anyone else nothing (404).
/// </summary>
public static class ReportingAccess
{
    public static bool CanImport(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance) || actor.IsInRole(Roles.Governance);

    /// <summary>The office the actor's report is limited to: theirs for a manager, the one asked for staff; 404 for anyone else.</summary>
    public static OfficeId? OfficeOf(Actor actor, OfficeId? asked)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsCooperativeStaff)
        {
            return asked;
        }

        return actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? office : throw new DomainException(ReportingErrors.NotFound);
    }
}
