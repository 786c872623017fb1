using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

/// <summary>A supplier's invoice as the platform delivered it to an entity: the platform's flow id and the file (Factur-X, CII or UBL).</summary>
public sealed record InboundSupplierInvoice(LegalEntityId Entity, string FlowId, byte[] Content);

/// <summary>
/// The invoice a status of the entity as buyer answers: its number and date, and its seller (SIREN, name, and
/// the electronic address the status goes to — the seller's endpoint, else its SIREN).
/// </summary>
public sealed record SupplierInvoiceReference(string Number, DateOnly? IssueDate, string SellerSiren, string SellerName, string SellerAddress);

/// <summary>
/// Why the buyer refuses or disputes an invoice: a code of the CDV profile's reason list (DEST_ERR, CALCUL_ERR,
/// TX_TVA_ERR, DOUBLON, COORD_BANC_ERR, IRR_SYNTAX, AUTRE…) and the words the supplier reads.
/// </summary>
public sealed record BuyerReason(string Code, string Text);

/// <summary>What became of an inbound invoice: taken (into the approval queue), or refused whole with the reason in French.</summary>
public sealed record InboxAnswer(bool Accepted, BuyerReason? Reason, SupplierInvoiceReference? Invoice)
{
    public static InboxAnswer Taken(SupplierInvoiceReference invoice) => new(true, null, invoice);

    public static InboxAnswer Refused(BuyerReason reason, SupplierInvoiceReference? invoice) => new(false, reason, invoice);
}

/// <summary>
/// Where the invoices the entities receive from their suppliers go. Invoicing reads the platform's flows and
/// hands each supplier invoice over; the Purchases module implements it (it builds on Invoicing, so Invoicing
/// asks through this interface and never calls that module — the module graph has no cycle).
/// </summary>
public interface ISupplierInvoiceInbox
{
    /// <summary>Reads, checks and records the invoice. Called once per flow, in the caller's unit of work (the caller saves).</summary>
    Task<InboxAnswer> ReceiveAsync(InboundSupplierInvoice invoice, Actor actor, CancellationToken ct = default);
}
