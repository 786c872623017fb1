using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

public static class InvoicingErrors
{
    public static readonly ErrorCode NotFound = new("invoicing.not_found", "Cette facture n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode CessionNotAShow = new("invoicing.cession_not_a_show", "Un contrat de cession se fait d'après un devis non refusé d'une activité de spectacle.");
    public static readonly ErrorCode CessionWithoutLicence = new("invoicing.cession_without_licence", "L'entité n'a pas de licence de producteur de spectacles valable pour ces dates.");
    public static readonly ErrorCode NotDraft = new("invoicing.not_draft", "Une facture émise ne se modifie plus : annulez-la par un avoir.", ErrorKind.Conflict);
    public static readonly ErrorCode NoLines = new("invoicing.no_lines", "La facture n'a aucune ligne.");
    public static readonly ErrorCode ClientIncomplete = new("invoicing.client_incomplete", "Le client n'a pas les informations qu'une facture exige.");
    public static readonly ErrorCode ActivityInactive = new("invoicing.activity_inactive", "On ne facture que pour une activité active.");
    public static readonly ErrorCode QuoteNotDraft = new("invoicing.quote_not_draft", "Ce devis est déjà envoyé : il ne change plus (le client le lit tel quel). Faites-en un nouveau.", ErrorKind.Conflict);
    public static readonly ErrorCode NotPending = new("invoicing.not_pending", "Cette facture n'attend pas de validation.", ErrorKind.Conflict);
    public static readonly ErrorCode NotIssued = new("invoicing.not_issued", "Seule une facture émise et non soldée reçoit un paiement ou un avoir.", ErrorKind.Conflict);
    public static readonly ErrorCode PaymentTooLarge = new("invoicing.payment_too_large", "Le paiement dépasse le reste à payer de la facture.");
    public static readonly ErrorCode CoverTooEarly = new("invoicing.cover_too_early", "Cette facture n'est pas encore assez en retard pour le fonds de garantie.");
    public static readonly ErrorCode OrderNotConfirmed = new("invoicing.order_not_confirmed", "Le fonds de garantie ne couvre qu'une commande confirmée (bon de commande signé ou devis accepté) : cette facture n'en cite aucun.");
    public static readonly ErrorCode NotCovered = new("invoicing.not_covered", "Cette facture n'est pas couverte par le fonds de garantie.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteAnswered = new("invoicing.quote_answered", "Ce devis a déjà reçu une réponse.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteNotAccepted = new("invoicing.quote_not_accepted", "Seul un devis accepté devient une facture.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteLinkInvalid = new("invoicing.quote_link_invalid", "Ce lien n'est pas valable ou a expiré : demandez un nouveau devis.", ErrorKind.NotFound);
    public static readonly ErrorCode LineNotFound = new("invoicing.bank_line_not_found", "Cette ligne de relevé n'existe pas ou est déjà rapprochée.", ErrorKind.NotFound);
    public static readonly ErrorCode FlowNotFound = new("invoicing.flow_not_found", "Cet échange avec la plateforme n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode FlowNotFailed = new("invoicing.flow_not_failed", "Seul un envoi en échec peut être relancé.", ErrorKind.Conflict);
    public static readonly ErrorCode NotSendable = new("invoicing.not_sendable", "Seule une facture ou un avoir émis s'envoie au client.", ErrorKind.Conflict);
    public static readonly ErrorCode CreditAfterPayment = new("invoicing.credit_after_payment", "Cette facture a déjà reçu des paiements : l'avoir total n'est pas possible.", ErrorKind.Conflict);
}
