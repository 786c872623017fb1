namespace Partage.App.Security;

public static class Roles
{
    public const string Member = "Member";
    public const string Employer = "Employer";
    public const string Manager = "Manager";
    public const string Finance = "Finance";
    public const string Payroll = "Payroll";
    public const string Governance = "Governance";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Member, Employer, Manager, Finance, Payroll, Governance, Admin];

    public static string FrenchName(string role) => role switch
    {
        Member => "Membre",
        Employer => "Employeur",
        Manager => "Gestionnaire d'activité",
        Finance => "Finance",
        Payroll => "Paie",
        Governance => "Gouvernance",
        Admin => "Administration",
        _ => role,
    };
}
