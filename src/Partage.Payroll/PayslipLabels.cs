namespace Partage.Payroll;

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

    private static readonly Dictionary<string, (string Label, string Section)> Lines = new(StringComparer.Ordinal)
    {
        ["maladie"] = ("Sécurité sociale — maladie, maternité, invalidité, décès", Health),
        ["prevoyance_cadre"] = ("Prévoyance des cadres (décès)", Health),
        ["prevoyance_intermittents"] = ("Prévoyance des intermittents (Audiens)", Health),
        ["cmb"] = ("Santé au travail (CMB)", Health),
        ["accident_travail"] = ("Accidents du travail — maladies professionnelles", Accidents),
        ["vieillesse_plafonnee"] = ("Sécurité sociale plafonnée", Retirement),
        ["vieillesse_deplafonnee"] = ("Sécurité sociale déplafonnée", Retirement),
        ["retraite_complementaire_t1"] = ("Complémentaire Agirc-Arrco tranche 1", Retirement),
        ["retraite_complementaire_t2"] = ("Complémentaire Agirc-Arrco tranche 2", Retirement),
        ["ceg_t1"] = ("Contribution d'équilibre général tranche 1", Retirement),
        ["ceg_t2"] = ("Contribution d'équilibre général tranche 2", Retirement),
        ["cet"] = ("Contribution d'équilibre technique", Retirement),
        ["allocations_familiales"] = ("Famille", Family),
        ["chomage"] = ("Assurance chômage", Unemployment),
        ["chomage_intermittents"] = ("Assurance chômage — annexes 8 et 10", Unemployment),
        ["ags"] = ("AGS (garantie des salaires)", Unemployment),
        ["apec"] = ("APEC", Unemployment),
        ["csa"] = ("Contribution solidarité autonomie", Other),
        ["fnal"] = ("FNAL", Other),
        ["dialogue_social"] = ("Contribution au dialogue social", Other),
        ["formation_professionnelle"] = ("Formation professionnelle", Other),
        ["cpf_cdd"] = ("CPF-CDD", Other),
        ["afdas"] = ("Formation professionnelle des intermittents (Afdas)", Other),
        ["taxe_apprentissage"] = ("Taxe d'apprentissage", Other),
        ["versement_mobilite"] = ("Versement mobilité", Other),
        ["peec"] = ("Participation à l'effort de construction", Other),
        ["forfait_social"] = ("Forfait social sur la prévoyance", Other),
        ["conges_spectacles"] = ("Congés Spectacles", Other),
        ["fnas"] = ("FNAS", Other),
        ["fcap"] = ("FCAP", Other),
        ["csg_deductible"] = ("CSG déductible de l'impôt sur le revenu", CsgCrds),
        ["csg_non_deductible"] = ("CSG non déductible de l'impôt sur le revenu", CsgCrds),
        ["crds"] = ("CRDS non déductible de l'impôt sur le revenu", CsgCrds),
    };

    public static (string Label, string Section) Of(string code) =>
        Lines.TryGetValue(code, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown payslip line.");

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
