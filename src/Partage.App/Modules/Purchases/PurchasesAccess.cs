using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases;

public static class PurchasesErrors
{
    public static readonly ErrorCode NotFound = new("purchases.not_found", "Cette facture de fournisseur n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode WrongStatus = new("purchases.wrong_status", "Ce document (facture de fournisseur ou note de frais) ne peut pas changer ainsi.", ErrorKind.Conflict);
    public static readonly ErrorCode NoActivity = new("purchases.no_activity", "Choisissez d'abord l'activité pour laquelle la dépense est faite.");
    public static readonly ErrorCode NoteNotFound = new("purchases.note_not_found", "Cette note de frais n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode BudgetExceeded = new("purchases.budget_exceeded", "L'activité n'a pas assez de budget disponible pour cette dépense.");
    public static readonly ErrorCode AllowancesExceeded = new("purchases.allowances_exceeded", "Ce jour compte déjà les repas ou la nuit que les forfaits permettent.", ErrorKind.Conflict);
}

public static class PurchasesAccess
{
    /// <summary>Finance keeps the suppliers' invoices of every entity; managers assign and approve their office's; a member approves their activity's.</summary>
    public static bool SeesAll(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    /// <summary>
    /// The invoices an actor may see: finance all; a manager their office's and those no activity claims yet (they
    /// choose it); a member their own activities'. Anyone else none (404).
    /// </summary>
    public static IQueryable<SupplierInvoice> Visible(this IQueryable<SupplierInvoice> invoices, Actor actor)
    {
        if (SeesAll(actor))
        {
            return invoices;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return invoices.Where(i => i.OfficeId == office || i.ActivityId == null);
        }

        return actor.MemberId is { } member ? invoices.Where(i => i.MemberId == member) : invoices.Where(_ => false);
    }

    /// <summary>Who decides (approve, dispute, choose the activity): the member of the activity, a manager, finance.</summary>
    public static bool CanDecide(Actor actor, SupplierInvoice invoice) => CanDecide(actor, invoice.OfficeId, invoice.MemberId);

    public static bool CanDecide(Actor actor, OfficeId? office, MemberId? member) =>
        SeesAll(actor) || actor.IsInRole(Roles.Manager) && (office is null || actor.IsManagerOf(office.Value))
        || member is { } owner && actor.MemberId == owner;

    /// <summary>Who chooses the activity of an invoice: managers and finance.</summary>
    public static bool CanAssign(Actor actor) => SeesAll(actor) || actor.IsInRole(Roles.Manager);
}
