using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Governance;

public static class GovernanceErrors
{
    public static readonly ErrorCode NotFound = new("governance.not_found", "Ce sociétaire n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode AssemblyNotFound = new("governance.assembly_not_found", "Cette assemblée générale n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode MovementNotFound = new("governance.movement_not_found", "Ce mouvement du registre n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode NoRegister = new("governance.no_register", "Cette entité n'est pas une coopérative : elle ne tient pas de registre des parts.");
    public static readonly ErrorCode WrongStatus = new("governance.wrong_status", "Ce sociétaire ne peut pas changer ainsi dans son état actuel.", ErrorKind.Conflict);
    public static readonly ErrorCode AlreadyShareholder = new("governance.already_shareholder", "Vous êtes déjà sociétaire de cette coopérative, ou votre candidature y attend déjà la décision du conseil.", ErrorKind.Conflict);
    public static readonly ErrorCode NotEnoughShares = new("governance.not_enough_shares", "Le sociétaire ne détient pas assez de parts entièrement libérées pour ce mouvement.", ErrorKind.Conflict);
    public static readonly ErrorCode Overpaid = new("governance.overpaid", "Ce versement dépasse ce qui reste à libérer des parts souscrites.", ErrorKind.Conflict);
    public static readonly ErrorCode TooEarly = new("governance.too_early", "Le délai statutaire avant le remboursement des parts n'est pas écoulé.", ErrorKind.Conflict);
    public static readonly ErrorCode AssemblyWrongStatus = new("governance.assembly_wrong_status", "L'assemblée ne peut pas changer ainsi dans son état actuel.", ErrorKind.Conflict);
    public static readonly ErrorCode NoticeTooShort = new("governance.notice_too_short", "La convocation doit précéder l'assemblée du délai que fixent les statuts.");
    public static readonly ErrorCode VotingClosed = new("governance.voting_closed", "Le vote n'est pas ouvert : il se tient dans la fenêtre annoncée par la convocation, avant la clôture.", ErrorKind.Conflict);
    public static readonly ErrorCode AlreadyVoted = new("governance.already_voted", "Cette voix a déjà été exprimée : on ne vote qu'une fois.", ErrorKind.Conflict);
    public static readonly ErrorCode ProxyRefused = new("governance.proxy_refused", "Cette procuration n'est pas possible.", ErrorKind.Conflict);
    public static readonly ErrorCode NotOnRoll = new("governance.not_on_roll", "Vous n'êtes pas sur la liste des votants de cette assemblée.", ErrorKind.NotFound);
}

/// <summary>Governance staff keep the register and run the assemblies; a member sees their own shares and the assemblies they vote in; anyone else nothing (404).</summary>
public static class GovernanceAccess
{
    public static bool IsStaff(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Governance);

    public static void RequireStaff(Actor actor, ErrorCode notFound)
    {
        if (!IsStaff(actor))
        {
            throw new DomainException(notFound);
        }
    }

    public static IQueryable<Shareholder> Visible(this IQueryable<Shareholder> shareholders, Actor actor) =>
        IsStaff(actor) ? shareholders : actor.MemberId is { } member ? shareholders.Where(s => s.MemberId == member) : shareholders.Where(_ => false);
}
