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

    /// <summary>
    /// Above this total (in cents), a wage batch is released only once a second person of the payroll service has
    /// approved it: the one who approves does not release (setting <c>Payroll:SecondApprovalAboveCents</c>; 50,000 EUR).
    /// </summary>
    public long SecondApprovalAboveCents { get; set; } = 5_000_000;

    /// <summary>Per legal entity code, the establishment's references the DPAE needs.</summary>
    public Dictionary<string, EstablishmentOptions> Establishments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>An entity's establishment, if every reference a declaration needs is configured.</summary>
    public EstablishmentOptions? Establishment(string entityCode) => Establishments.GetValueOrDefault(entityCode) is { IsComplete: true } found ? found : null;

    /// <summary>
    /// An entity as the declarant of a monthly DSN (its own, or an employer's under a complete
    /// mandate): its establishment's references, the SIRET key checked, and its payroll service as
    /// the contact; refused, naming the settings to complete.
    /// </summary>
    public DsnDeclarant DsnDeclarant(string entityCode, string entityName, string siren)
    {
        var found = Establishments.GetValueOrDefault(entityCode) ?? new EstablishmentOptions();
        if (found.MissingForDsn() is { Count: > 0 } missing)
        {
            throw new Kernel.DomainException(PayrollErrors.DsnNotReady,
                $"Les références de déclarant de {entityCode} sont à compléter : {string.Join(", ", missing.Select(m => $"Payroll:Establishments:{entityCode}:{m}"))}.");
        }

        if (!Kernel.Siret.TryParse(siren + found.Nic, out _, out _))
        {
            throw new Kernel.DomainException(PayrollErrors.DsnNotReady,
                $"Le NIC configuré pour {entityCode} ({found.Nic}) ne forme pas un SIRET valide avec le SIREN {siren} : vérifiez Payroll:Establishments:{entityCode}:Nic.");
        }

        return new DsnDeclarant(siren + found.Nic, found.Nic!, found.Ape!, found.AtRiskCode!, found.CongesSpectacles, new DsnContact($"Service paie {entityName}", found.Email!, found.Phone!));
    }
}
