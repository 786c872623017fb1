namespace Partage.App.Modules.Employers;

/// <summary>Contract-management settings (section "Employers"); the defaults are the cooperative's terms of its mandates.</summary>
public sealed class EmployersOptions
{
    /// <summary>
    /// Days an employer has to pay a pay period's invoice: short, since the cooperative advances the
    /// wages 7 days after the service (a term of the mandate, within the legal 60 days of L441-10).
    /// </summary>
    public int PaymentTermsDays { get; set; } = 15;
}
