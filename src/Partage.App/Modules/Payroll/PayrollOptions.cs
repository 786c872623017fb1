using Partage.App.Modules.Payroll.Features;

namespace Partage.App.Modules.Payroll;

/// <summary>Payroll settings (section "Payroll").</summary>
public sealed class PayrollOptions
{
    /// <summary>Days after the end of the service on which the net wage is paid.</summary>
    public int PayDelayDays { get; set; } = 7;

    /// <summary>The account wages are paid from (the SEPA transfer's debtor).</summary>
    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    /// <summary>Per legal entity code, the establishment's references the DPAE needs.</summary>
    public Dictionary<string, EstablishmentOptions> Establishments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>An entity's establishment, if every reference a declaration needs is configured.</summary>
    public EstablishmentOptions? Establishment(string entityCode) => Establishments.GetValueOrDefault(entityCode) is { IsComplete: true } found ? found : null;
}
