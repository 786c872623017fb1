using Partage.Kernel;

namespace Partage.App.Modules.Activities;

public static class ActivitiesErrors
{
    public static readonly ErrorCode NotFound = new("activities.not_found", "Cette activité n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode ModuleNotOffered = new("activities.module_not_offered", "Cette entité ne porte pas ce module d'activité.");
    public static readonly ErrorCode MemberInactive = new("activities.member_inactive", "Un membre inactif ne peut pas ouvrir d'activité.");
    public static readonly ErrorCode DuplicateName = new("activities.duplicate_name", "Ce membre a déjà une activité de ce nom.", ErrorKind.Conflict);
}
