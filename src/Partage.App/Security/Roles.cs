namespace Partage.App.Security;

public static class Roles
{
    public const string Member = "Member";

    /// <summary>Someone who registered and waits for their office's approval: they see their own application, nothing else.</summary>
    public const string Applicant = "Applicant";
    public const string Employer = "Employer";
    public const string Manager = "Manager";
    public const string Finance = "Finance";
    public const string Payroll = "Payroll";
    public const string Governance = "Governance";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Member, Applicant, Employer, Manager, Finance, Payroll, Governance, Admin];

    /// <summary>The roles an administrator gives an account; an applicant's comes only from a registration, and leaves with its decision.</summary>
    public static readonly IReadOnlyList<string> Assignable = [.. All.Where(r => r != Applicant)];

    public static string FrenchName(string role) => role switch
    {
        Member => "Membre",
        Applicant => "Demande d'adhésion en cours",
        Employer => "Employeur",
        Manager => "Gestionnaire d'activité",
        Finance => "Finance",
        Payroll => "Paie",
        Governance => "Gouvernance",
        Admin => "Administration",
        _ => role,
    };
}
