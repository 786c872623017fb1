using Partage.Kernel;

namespace Partage.App.Modules.Members;

public static class MembersErrors
{
    public static readonly ErrorCode NotFound = new("members.not_found", "Ce membre n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode DuplicateEmail = new("members.duplicate_email", "Un compte ou un membre utilise déjà cette adresse e-mail.", ErrorKind.Conflict);
    public static readonly ErrorCode DuplicateNir = new("members.duplicate_nir", "Un membre est déjà inscrit avec ce numéro de sécurité sociale.", ErrorKind.Conflict);
    public static readonly ErrorCode FieldReservedToStaff = new("members.field_reserved_to_staff", "Seule l'équipe peut modifier ce champ.");
    public static readonly ErrorCode WeakPassword = new("members.weak_password", "Le mot de passe est trop faible.");
}
