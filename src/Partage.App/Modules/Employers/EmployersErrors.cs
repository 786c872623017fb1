using Partage.Kernel;

namespace Partage.App.Modules.Employers;

public static class EmployersErrors
{
    public static readonly ErrorCode NotFound = new("employers.not_found", "Cet employeur n'existe pas.", ErrorKind.NotFound);

    public static readonly ErrorCode StaffNotFound = new("employers.staff_not_found", "Ce salarié n'existe pas chez cet employeur.", ErrorKind.NotFound);
    public static readonly ErrorCode Duplicate = new("employers.duplicate", "Un employeur est déjà inscrit avec ce SIRET.", ErrorKind.Conflict);
    public static readonly ErrorCode MandateOpen = new("employers.mandate_open", "Le mandat en cours doit être résilié avant qu'un nouveau mandat commence.", ErrorKind.Conflict);
    public static readonly ErrorCode NoMandate = new("employers.no_mandate", "Aucun mandat en cours à résilier.", ErrorKind.Conflict);
    public static readonly ErrorCode NotEmployerAccount = new("employers.not_employer_account", "Ce compte n'a pas le rôle Employeur ou agit déjà pour un autre employeur.");
    public static readonly ErrorCode WrongStatus = new("employers.wrong_status", "Cette étape ne s'applique pas dans l'état actuel.", ErrorKind.Conflict);
    public static readonly ErrorCode AlreadyInvoiced = new("employers.already_invoiced", "Cette période de paie est déjà facturée.", ErrorKind.Conflict);
    public static readonly ErrorCode NothingToInvoice = new("employers.nothing_to_invoice", "Rien à facturer pour cette période.");
    public static readonly ErrorCode OutsideMandate = new("employers.outside_mandate", "Le contrat sort des périodes du mandat de l'employeur.");
    public static readonly ErrorCode TaxRateExists = new("employers.tax_rate_exists", "Un taux est déjà enregistré à cette date pour ce salarié : une nouvelle valeur prend une autre date d'effet.", ErrorKind.Conflict);
    public static readonly ErrorCode NotDeclaredByCooperative = new("employers.not_declared_by_cooperative",
        "La coopérative ne fait les déclarations sociales (DSN) que sous mandat complet : pour ce mois, l'employeur n'en avait pas, il déclare lui-même.");
}

/// <summary>
/// Employer organisations of the contract-management service, their accounts and their payroll
/// mandates (partial or complete, valid by calendar year, renewed on 1 January until terminated).
/// </summary>
