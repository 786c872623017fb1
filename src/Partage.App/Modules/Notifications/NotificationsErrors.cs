using Partage.Kernel;

namespace Partage.App.Modules.Notifications;

public static class NotificationsErrors
{
    public static readonly ErrorCode NotFound = new("notifications.not_found", "Cette notification n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode NoAccount = new("notifications.no_account", "Les notifications sont celles d'un compte : connectez-vous avec le vôtre.");
    public static readonly ErrorCode DuplicateKind = new("notifications.duplicate_kind", "Chaque sorte de notification ne se règle qu'une fois.");
}
