using Partage.Kernel;

namespace Partage.App.Modules.Offices;

public static class OfficesErrors
{
    public static readonly ErrorCode NotFound = new("offices.not_found", "Ce bureau n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode DuplicateName = new("offices.duplicate_name", "Un bureau porte déjà ce nom.", ErrorKind.Conflict);
    public static readonly ErrorCode ManagerNotFound = new("offices.manager_not_found", "Ce gestionnaire d'activité n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode ManagerOfOtherOffice = new("offices.manager_of_other_office", "Ce gestionnaire d'activité n'appartient pas à ce bureau.");
    public static readonly ErrorCode NoManager = new("offices.no_manager", "Ce bureau n'a encore aucun gestionnaire d'activité.");
}
