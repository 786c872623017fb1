namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>
/// The invoice lifecycle statuses of the French reform (UN/CEFACT CDAR D22B, code list of the FNFE
/// "BR-FR-CDV" rules, XP Z12-012 annex; research folder §1.2), in the words the member reads.
/// </summary>
public static class LifecycleStatuses
{
    public const int Deposited = 200;
    public const int Issued = 201;
    public const int Received = 202;
    public const int Available = 203;
    public const int InHand = 204;
    public const int Approved = 205;
    public const int PartlyApproved = 206;
    public const int Disputed = 207;
    public const int Suspended = 208;
    public const int Completed = 209;
    public const int Refused = 210;
    public const int PaymentSent = 211;
    public const int Collected = 212;
    public const int Rejected = 213;

    private static readonly Dictionary<int, string> Labels = new()
    {
        [Deposited] = "Déposée",
        [Issued] = "Émise par la plateforme",
        [Received] = "Reçue par la plateforme du client",
        [Available] = "Mise à disposition du client",
        [InHand] = "Prise en charge",
        [Approved] = "Approuvée",
        [PartlyApproved] = "Approuvée partiellement",
        [Disputed] = "En litige",
        [Suspended] = "Suspendue",
        [Completed] = "Complétée",
        [Refused] = "Refusée",
        [PaymentSent] = "Paiement transmis",
        [Collected] = "Encaissée",
        [Rejected] = "Rejetée par la plateforme",
    };

    public static bool IsKnown(int code) => Labels.ContainsKey(code);

    public static string Label(int code) => Labels.TryGetValue(code, out var label) ? label : $"Statut {code}";

    /// <summary>The statuses that stop the invoice and need the member and the manager: refused, rejected, disputed, suspended.</summary>
    public static bool NeedsAttention(int code) => code is Refused or Rejected or Disputed or Suspended or PartlyApproved;
}
