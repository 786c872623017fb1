namespace Partage.Payroll;

/// <summary>A payslip line's code (the contract's), wording and heading.</summary>
public sealed record LineKind(string Code, string Label, string Section);

/// <summary>
/// Each line's wording and its heading on the "bulletin clarifié" (arrêté du 25 février 2016):
/// santé, accidents du travail, retraite, famille, assurance chômage, autres contributions, CSG/CRDS.
/// </summary>
public static class PayslipLabels
{
    public const string Health = "sante";
    public const string Accidents = "accidents_travail";
    public const string Retirement = "retraite";
    public const string Family = "famille";
    public const string Unemployment = "assurance_chomage";
    public const string Other = "autres_contributions";
    public const string CsgCrds = "csg_crds";

    public static readonly LineKind Maladie = new("maladie", "Sécurité sociale — maladie, maternité, invalidité, décès", Health);

    public static readonly LineKind PrevoyanceCadre = new("prevoyance_cadre", "Prévoyance des cadres (décès)", Health);

    public static readonly LineKind PrevoyanceIntermittents = new("prevoyance_intermittents", "Prévoyance des intermittents (Audiens)", Health);

    public static readonly LineKind Cmb = new("cmb", "Santé au travail (CMB)", Health);

    public static readonly LineKind AccidentTravail = new("accident_travail", "Accidents du travail — maladies professionnelles", Accidents);

    public static readonly LineKind VieillessePlafonnee = new("vieillesse_plafonnee", "Sécurité sociale plafonnée", Retirement);

    public static readonly LineKind VieillesseDeplafonnee = new("vieillesse_deplafonnee", "Sécurité sociale déplafonnée", Retirement);

    public static readonly LineKind RetraiteComplementaireT1 = new("retraite_complementaire_t1", "Complémentaire Agirc-Arrco tranche 1", Retirement);

    public static readonly LineKind RetraiteComplementaireT2 = new("retraite_complementaire_t2", "Complémentaire Agirc-Arrco tranche 2", Retirement);

    public static readonly LineKind CegT1 = new("ceg_t1", "Contribution d'équilibre général tranche 1", Retirement);

    public static readonly LineKind CegT2 = new("ceg_t2", "Contribution d'équilibre général tranche 2", Retirement);

    public static readonly LineKind Cet = new("cet", "Contribution d'équilibre technique", Retirement);

    public static readonly LineKind AllocationsFamiliales = new("allocations_familiales", "Famille", Family);

    public static readonly LineKind Chomage = new("chomage", "Assurance chômage", Unemployment);

    public static readonly LineKind ChomageIntermittents = new("chomage_intermittents", "Assurance chômage — annexes 8 et 10", Unemployment);

    public static readonly LineKind Ags = new("ags", "AGS (garantie des salaires)", Unemployment);

    public static readonly LineKind Apec = new("apec", "APEC", Unemployment);

    public static readonly LineKind Csa = new("csa", "Contribution solidarité autonomie", Other);

    public static readonly LineKind Fnal = new("fnal", "FNAL", Other);

    public static readonly LineKind DialogueSocial = new("dialogue_social", "Contribution au dialogue social", Other);

    public static readonly LineKind FormationProfessionnelle = new("formation_professionnelle", "Formation professionnelle", Other);

    public static readonly LineKind CpfCdd = new("cpf_cdd", "CPF-CDD", Other);

    public static readonly LineKind Afdas = new("afdas", "Formation professionnelle des intermittents (Afdas)", Other);

    public static readonly LineKind TaxeApprentissage = new("taxe_apprentissage", "Taxe d'apprentissage", Other);

    /// <summary>The tax's balance (13 %, 0.09 %), owed on the year's payroll and paid once, with the April DSN of the next year.</summary>
    public static readonly LineKind TaxeApprentissageSolde = new("taxe_apprentissage_solde", "Taxe d'apprentissage (solde annuel)", Other);

    public static readonly LineKind TaxeApprentissageSupplementaire = new("taxe_apprentissage_supplementaire", "Contribution supplémentaire à l'apprentissage", Other);

    public static readonly LineKind VersementMobilite = new("versement_mobilite", "Versement mobilité", Other);

    public static readonly LineKind Peec = new("peec", "Participation à l'effort de construction", Other);

    public static readonly LineKind ForfaitSocial = new("forfait_social", "Forfait social sur la prévoyance", Other);

    public static readonly LineKind CongesSpectacles = new("conges_spectacles", "Congés Spectacles", Other);

    public static readonly LineKind Fnas = new("fnas", "FNAS", Other);

    public static readonly LineKind Fcap = new("fcap", "FCAP", Other);

    public static readonly LineKind CsgDeductible = new("csg_deductible", "CSG déductible de l'impôt sur le revenu", CsgCrds);

    public static readonly LineKind CsgNonDeductible = new("csg_non_deductible", "CSG non déductible de l'impôt sur le revenu", CsgCrds);

    public static readonly LineKind Crds = new("crds", "CRDS non déductible de l'impôt sur le revenu", CsgCrds);

    /// <summary>The headings in the order of the legal model.</summary>
    public static IReadOnlyList<string> Sections { get; } = [Health, Accidents, Retirement, Family, Unemployment, Other, CsgCrds];

    public static string Section(string section) => section switch
    {
        Health => "Santé",
        Accidents => "Accidents du travail — maladies professionnelles",
        Retirement => "Retraite",
        Family => "Famille",
        Unemployment => "Assurance chômage",
        Other => "Autres contributions dues par l'employeur",
        _ => "CSG et CRDS",
    };
}

/// <summary>
/// The professions of the live performance that have a DFS ("déduction forfaitaire spécifique") their employees may consent to,
/// as the contracts name them: artists (dramatic, musician) and, among technicians, the régisseurs de théâtre (stage_manager),
/// who share the musicians' rate (CGI annexe IV art. 5 as it stood, kept by the arrêté of 20 December 2002 on professional expenses;
/// BOSS « Frais professionnels », DFS).
/// </summary>
public static class DfsLabels
{
    public const string StageManager = "stage_manager";

    public const string Refused = "La déduction forfaitaire spécifique ne s'applique qu'à qui y a consenti dans une profession qui en a une : "
        + "un artiste (dramatic ou musician) ou un régisseur de théâtre (stage_manager).";

    /// <summary>Whether a contract's DFS is acceptable: none, a known profession for an artist, the régisseurs' for a technician.</summary>
    public static bool Accepts(string? dfs, EmployeeKind? kind) =>
        dfs is null || (dfs is "dramatic" or "musician" && kind == EmployeeKind.IntermittentArtist) || (dfs == StageManager && kind == EmployeeKind.IntermittentTechnician);

    /// <summary>The engine's DFS category of a contract's profession: a régisseur de théâtre has the musicians' rate.</summary>
    public static string? Category(string? dfs) => dfs == StageManager ? "musician" : dfs;
}
