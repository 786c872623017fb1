namespace Partage.App.Modules.Notifications;

/// <summary>The French names of the kinds of notice, as the preferences page shows them.</summary>
public static class NotificationLabels
{
    public static string Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.ContractToSign => "Un contrat à signer",
        NoticeKind.ContractToCountersign => "Un contrat à contre-signer (gestionnaires d'activité)",
        NoticeKind.ContractReturned => "Un contrat renvoyé avec un motif",
        NoticeKind.InvoiceToValidate => "Une facture à valider (gestionnaires d'activité)",
        NoticeKind.InvoiceValidated => "Une facture validée et émise",
        NoticeKind.InvoiceReturned => "Une facture renvoyée avec un motif",
        NoticeKind.PaymentReceived => "Un paiement reçu d'un client",
        NoticeKind.InvoiceRefused => "Une facture refusée ou contestée par le client",
        NoticeKind.SupplierInvoiceToApprove => "Une facture de fournisseur à approuver",
        NoticeKind.ExpenseNoteDecided => "Une note de frais approuvée ou refusée",
        NoticeKind.SharesChanged => "Mon sociétariat : candidature décidée, parts souscrites ou libérées",
        NoticeKind.AssemblyConvened => "La convocation à une assemblée générale",
        NoticeKind.LeaseToReview => "Une demande de matériel à étudier (gestionnaires d'activité)",
        NoticeKind.LeaseChanged => "Mon matériel en location : demande décidée, achat, échéances",
        NoticeKind.LeaseDebitNotice => "Le préavis d'un prélèvement SEPA d'échéance de matériel",
        NoticeKind.PayslipAvailable => "Un bulletin de paie disponible",
        NoticeKind.WagePaid => "Un salaire versé",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The kinds whose e-mail is a legal document the sending module sends itself, to every recipient whatever their
    /// preferences (a convocation with its PDF): the notice stays in Partage only, so that no one gets two e-mails.
    /// </summary>
    public static bool EmailedByTheirModule(NoticeKind kind) => kind is NoticeKind.AssemblyConvened or NoticeKind.LeaseDebitNotice;

    /// <summary>The kinds only activity managers and staff receive (work in their queues): a member is not asked about them.</summary>
    public static bool ForManagers(NoticeKind kind) => kind is NoticeKind.ContractToCountersign or NoticeKind.InvoiceToValidate or NoticeKind.LeaseToReview;
}
