using System.Security.Cryptography;
using System.Text;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger;

/// <summary>
/// The accounts and journals every entity of the group starts with: the PCG accounts the
/// cooperative uses (docs: standards section 5) plus its own (guarantee fund, cooperative fee,
/// commitments). Shipped with the schema; staff add accounts as data.
/// </summary>
public static class ChartOfAccounts
{
    public const string Clients = "411";
    public const string Bank = "512";

    /// <summary>What the group's entities owe each other (a share deducted by one entity's payroll for another's capital).</summary>
    public const string Group = "451";
    public const string Services = "706";
    public const string CooperativeFee = "7062";
    public const string GuaranteeFund = "4671";
    public const string VatCollected = "44571";
    public const string Wages = "641";
    public const string SocialCharges = "645";
    public const string CommitmentsGiven = "8011";
    public const string CommitmentsCounterpart = "8091";
    public const string Suspense = "471";
    public const string DoubtfulClients = "416";
    public const string BadDebts = "654";
    public const string ChargeTransfers = "791";

    public static readonly IReadOnlyList<(string Number, string Label)> Standard =
    [
        ("1011", "Capital souscrit - non appelé"),
        ("1013", "Capital souscrit - appelé, versé"),
        ("106", "Réserves"),
        ("109", "Associés - capital souscrit non appelé"),
        ("110", "Report à nouveau (solde créditeur)"),
        ("119", "Report à nouveau (solde débiteur)"),
        ("2154", "Matériel industriel"),
        ("2183", "Matériel de bureau et matériel informatique"),
        ("28154", "Amortissements du matériel industriel"),
        ("28183", "Amortissements du matériel de bureau et informatique"),
        ("401", "Fournisseurs"),
        ("404", "Fournisseurs d'immobilisations"),
        ("408", "Fournisseurs - factures non parvenues"),
        ("4091", "Fournisseurs - avances et acomptes versés sur commandes"),
        ("411", "Clients"),
        ("416", "Clients douteux ou litigieux"),
        ("4191", "Clients - avances et acomptes reçus"),
        ("421", "Personnel - rémunérations dues"),
        ("431", "Sécurité sociale"),
        ("437", "Autres organismes sociaux"),
        ("4421", "Prélèvement à la source"),
        ("44551", "TVA à décaisser"),
        ("44562", "TVA déductible sur immobilisations"),
        ("44566", "TVA déductible sur autres biens et services"),
        ("44571", "TVA collectée"),
        ("451", "Groupe - comptes courants entre les entités"),
        ("455", "Associés - comptes courants"),
        ("4567", "Associés - capital à rembourser"),
        ("467", "Autres comptes débiteurs ou créditeurs"),
        ("4671", "Fonds de garantie des membres"),
        ("471", "Compte d'attente"),
        ("5113", "Effets à l'encaissement (prélèvements présentés)"),
        ("512", "Banque"),
        ("580", "Virements internes"),
        ("606", "Achats non stockés de matières et fournitures"),
        ("611", "Sous-traitance générale"),
        ("6135", "Locations mobilières"),
        ("6226", "Honoraires"),
        ("623", "Publicité, publications, relations publiques"),
        ("6251", "Voyages et déplacements"),
        ("627", "Services bancaires et assimilés"),
        ("628", "Divers"),
        ("641", "Rémunérations du personnel"),
        ("645", "Charges de sécurité sociale et de prévoyance"),
        ("654", "Pertes sur créances irrécouvrables"),
        ("6811", "Dotations aux amortissements des immobilisations"),
        ("6817", "Dotations aux dépréciations des actifs circulants"),
        ("706", "Prestations de services"),
        ("7062", "Contribution coopérative"),
        ("708", "Produits des activités annexes"),
        ("7083", "Locations diverses"),
        ("775", "Produits des cessions d'éléments d'actif"),
        ("791", "Transferts de charges d'exploitation"),
        ("8011", "Engagements donnés - contrats signés"),
        ("8091", "Contrepartie des engagements donnés"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Journals =
    [
        ("AN", "À-nouveaux"),
        ("VT", "Ventes"),
        ("AC", "Achats"),
        ("BQ", "Banque"),
        ("PA", "Paie"),
        ("OD", "Opérations diverses"),
    ];

    public static readonly IReadOnlyList<LegalEntityId> Entities =
        [LegalEntitiesReferenceData.Scic, LegalEntitiesReferenceData.Lna, LegalEntitiesReferenceData.Ge];

    /// <summary>The same id for the same account in every database, so that seed rows are stable across migrations.</summary>
    public static AccountId StandardAccountId(LegalEntityId entity, string number) =>
        new(new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"ledger-account:{entity.Value}:{number}"))));
}
