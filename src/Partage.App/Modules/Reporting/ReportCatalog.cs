namespace Partage.App.Modules.Reporting;

/// <summary>
/// The tables of the 2016 annual report (`annual-report-2016.json`), in its order, each with the code the history import
/// uses. Percent tables are shares the report printed; the others are euros excl. VAT or counts of people or contracts.
/// </summary>
public static class ReportCatalog
{
    public static readonly IReadOnlyList<TableDefinition> Tables =
    [
        new("invoicing_by_entity", "Facturation par structure (HT)", "Structure", FigureKind.Amount, HasTotal: true),
        new("new_members_by_entity", "Nouveaux membres et employeurs par structure", "Structure", FigureKind.Count, HasTotal: true),
        new("new_employers_by_entity", "Dont nouveaux employeurs (gestion de contrats)", "Structure", FigureKind.Count, HasTotal: false),
        new("members_by_entity", "Membres et employeurs par structure", "Structure", FigureKind.Count, HasTotal: true),
        new("employers_by_entity", "Dont employeurs (gestion de contrats)", "Structure", FigureKind.Count, HasTotal: false),
        new("project_members", "Gestion de projets : membres", "Membres", FigureKind.Count, HasTotal: false),
        new("members_by_gender", "Membres par genre", "Genre", FigureKind.Percent, HasTotal: true),
        new("members_by_age", "Membres par tranche d'âge", "Âge", FigureKind.Percent, HasTotal: true),
        new("members_by_office", "Membres par bureau", "Bureau", FigureKind.Percent, HasTotal: true),
        new("contracts_by_family", "Contrats par famille de métiers", "Famille", FigureKind.Count, HasTotal: true),
        new("live_contracts_by_trade", "Contrats du spectacle vivant par métier", "Métier", FigureKind.Percent, HasTotal: true),
        new("other_contracts_by_trade", "Contrats des autres métiers", "Métier", FigureKind.Percent, HasTotal: true),
        new("clients_by_country", "Clients par pays", "Pays", FigureKind.Count, HasTotal: true),
        new("projects_revenue_by_module", "Gestion de projets : chiffre d'affaires par module (HT)", "Module", FigureKind.Amount, HasTotal: true),
        new("cms_revenue", "Gestion de contrats : chiffre d'affaires (HT)", "Service", FigureKind.Amount, HasTotal: false),
        new("cms_revenue_by_office", "Gestion de contrats : chiffre d'affaires par bureau (HT)", "Bureau", FigureKind.Amount, HasTotal: true),
        new("cms_clients_by_office", "Gestion de contrats : employeurs par bureau", "Bureau", FigureKind.Percent, HasTotal: true),
        new("cms_clients_by_sector", "Gestion de contrats : employeurs par secteur", "Secteur", FigureKind.Percent, HasTotal: true,
            "Le rapport imprimé totalise 105 % : Partage montre la somme calculée."),
        new("cms_clients_by_legal_form", "Gestion de contrats : employeurs par forme juridique", "Forme", FigureKind.Percent, HasTotal: true),
        new("cms_mandate_type", "Gestion de contrats : type de mandat", "Mandat", FigureKind.Percent, HasTotal: true),
        new("cms_clients_active", "Gestion de contrats : employeurs actifs", "État", FigureKind.Percent, HasTotal: true),
        new("shareholders_by_category", "Sociétaires par catégorie au 31 décembre", "Catégorie", FigureKind.Count, HasTotal: true),
        new("network", "Le réseau", "", FigureKind.Count, HasTotal: false),
    ];

    public static TableDefinition? Find(string? code) => Tables.FirstOrDefault(t => t.Code == code);
}
