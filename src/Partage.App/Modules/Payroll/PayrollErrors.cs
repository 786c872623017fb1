using Partage.Kernel;

namespace Partage.App.Modules.Payroll;

public static class PayrollErrors
{
    public static readonly ErrorCode NotFound = new("payroll.not_found", "Cette ressource de paie n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode SettingExists = new("payroll.setting_exists", "Une valeur de ce paramètre existe déjà à cette date : une valeur ne se modifie pas, ajoutez-en une à une autre date.", ErrorKind.Conflict);
    public static readonly ErrorCode NoEntity = new("payroll.no_entity", "Aucune entité de la coopérative ne porte ce type de travail.");
    public static readonly ErrorCode ChecksFailed = new("payroll.checks_failed", "Le contrat ne peut pas être établi.");
    public static readonly ErrorCode BudgetExceeded = new("payroll.budget_exceeded", "L'activité ne peut pas payer ce travail.");
    public static readonly ErrorCode WrongJobStatus = new("payroll.wrong_job_status", "Cette étape ne s'applique pas au contrat dans son état actuel.", ErrorKind.Conflict);
    public static readonly ErrorCode TooLate = new("payroll.too_late", "Le contrat se signe avant le début du travail.", ErrorKind.Conflict);
    public static readonly ErrorCode SignerWithoutAddress = new("payroll.signer_without_address", "Une signature se fait par une personne qui reçoit un code à son adresse e-mail : connectez-vous avec votre compte.");
    public static readonly ErrorCode TooManySignatureCodes = new("payroll.too_many_signature_codes", "Cinq codes ont déjà été envoyés pour ce contrat dans l'heure : utilisez le dernier reçu ou réessayez plus tard.", ErrorKind.Conflict);
    public static readonly ErrorCode DpaeIncomplete = new("payroll.dpae_incomplete", "La DPAE exige le numéro de sécurité sociale du membre : complétez sa fiche avant de contre-signer.");
    public static readonly ErrorCode DsnDeadlinePassed = new("payroll.dsn_deadline_passed", "L'échéance de cette DSN est passée : une erreur se corrige désormais dans la DSN du mois suivant.", ErrorKind.Conflict);
    public static readonly ErrorCode DsnFilingState = new("payroll.dsn_filing_state", "Cette DSN n'est plus à déposer : une DSN plus récente du même mois l'a remplacée, ou elle est déjà déposée.", ErrorKind.Conflict);
    public static readonly ErrorCode CertificateNotReady = new("payroll.certificate_not_ready", "L'attestation est établie à la fin du contrat, une fois tous ses bulletins validés.", ErrorKind.Conflict);
    public static readonly ErrorCode DsnNotReady = new("payroll.dsn_not_ready", "La DSN du mois ne peut pas encore être établie.", ErrorKind.Conflict);
    public static readonly ErrorCode DpaeFile = new("payroll.dpae_file", "Le fichier DPAE ne peut pas être établi.");
    public static readonly ErrorCode SelfCountersignature = new("payroll.self_countersignature", "Vous ne pouvez pas contre-signer votre propre contrat : un gestionnaire d'activité ou le service paie le valide pour la coopérative.");

    public static readonly ErrorCode NotNamedManager = new("payroll.not_named_manager", "Ce contrat d'intermittent est validé par le gestionnaire nommé de l'activité, ou par le service paie.");

    public static readonly ErrorCode SecondApprovalRequired = new("payroll.second_approval_required", "Ce lot dépasse le montant qu'une seule personne peut libérer : une autre personne du service paie doit d'abord l'approuver.", ErrorKind.Conflict);

    public static readonly ErrorCode SelfRelease = new("payroll.self_release", "Vous avez approuvé ce lot : une autre personne du service paie doit le libérer.", ErrorKind.Conflict);
    public static readonly ErrorCode MinimumExists = new("payroll.minimum_exists", "Un minimum existe déjà pour cette convention, ce métier et cette date : ajoutez-en un à une autre date.", ErrorKind.Conflict);
}
