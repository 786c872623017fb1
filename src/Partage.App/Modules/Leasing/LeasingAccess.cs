using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

public static class LeasingErrors
{
    public static readonly ErrorCode NotFound = new("leasing.not_found", "Ce contrat de location de matériel n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode FileNotFound = new("leasing.file_not_found", "Ce fichier de prélèvements n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode WrongStatus = new("leasing.wrong_status", "Ce contrat ne peut pas changer ainsi dans son état actuel.", ErrorKind.Conflict);
    public static readonly ErrorCode NotEnoughBudget = new("leasing.not_enough_budget", "Le disponible de l'activité ne couvre pas ce montant.", ErrorKind.Conflict);
    public static readonly ErrorCode NoArrears = new("leasing.no_arrears", "Les impayés de ce contrat n'atteignent pas le seuil du défaut.", ErrorKind.Conflict);
    public static readonly ErrorCode NotFinished = new("leasing.not_finished", "Des échéances restent dues : le contrat ne peut pas encore prendre fin.", ErrorKind.Conflict);
    public static readonly ErrorCode NotReady = new("leasing.not_ready", "Le prélèvement SEPA n'est pas configuré : renseignez Leasing:CreditorIdentifier, Leasing:Iban et Leasing:Bic.", ErrorKind.Conflict);
}

/// <summary>
/// A member asks for equipment for their own activities and sees their own leases; an activity manager reviews and approves
/// those of their office; finance (and administrators) review, approve, record purchases, collect and manage the whole
/// portfolio. Anyone else sees nothing (404).
/// </summary>
public static class LeasingAccess
{
    public static bool IsFinance(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    public static bool CanReview(Actor actor, Lease lease) => IsFinance(actor) || actor.IsManagerOf(lease.OfficeId);

    public static void RequireFinance(Actor actor)
    {
        if (!IsFinance(actor))
        {
            throw new DomainException(LeasingErrors.NotFound);
        }
    }

    public static IQueryable<Lease> Visible(this IQueryable<Lease> leases, Actor actor)
    {
        if (IsFinance(actor))
        {
            return leases;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return leases.Where(l => l.OfficeId == office);
        }

        return actor.MemberId is { } member ? leases.Where(l => l.MemberId == member) : leases.Where(_ => false);
    }
}

/// <summary>The leasing service's settings (section "Leasing"): the cooperative as SEPA creditor.</summary>
public sealed class LeasingOptions
{
    /// <summary>The SEPA creditor identifier ("ICS", given by the Banque de France): FR, two check digits, ZZZ, six characters.</summary>
    public string CreditorIdentifier { get; set; } = string.Empty;

    /// <summary>The account the direct debits are credited to.</summary>
    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    /// <summary>The town of the creditor's address (structured addresses are required from November 2026).</summary>
    public string City { get; set; } = "Lille";

    public bool IsReady => CreditorIdentifier.Length > 0 && Iban.Length > 0 && Bic.Length > 0;
}
