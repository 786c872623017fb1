using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>Whom to call or write to about a declaration (S10.G00.02, S20.G00.07).</summary>
public sealed record DsnContact(string Name, string Email, string Phone);

/// <summary>An entity's references as a DSN's declarant (<see cref="PayrollOptions.DsnDeclarant"/>).</summary>
public sealed record DsnDeclarant(string Siret, string Nic, string Ape, string AtRiskCode, string? CongesSpectacles, DsnContact Contact);

/// <summary>Who deposits the file (the cooperative's entity: for its own employees, or as declarant for the employers under a complete mandate).</summary>
public sealed record DsnSender(string Siren, string Nic, string Name, string Street, string PostalCode, string City, DsnContact Contact);

/// <summary>
/// The employer declared: its only establishment, the one on its record; its reference monthly
/// hours for a full-time employee (S21.G00.40.012; the catalog's <c>heures_mensuelles</c>, 151.67);
/// its AT/MP risk code and rate (S21.G00.40.040/043, from the CARSAT notice); the Congés Spectacles
/// affiliation ("97" then the number, S21.G00.40.022) and the live-performance licence
/// (S21.G00.40.049) when it employs intermittents.
/// </summary>
public sealed record DsnEmployer(
    string Siret, string Ape, string Name, string Street, string PostalCode, string City, string CollectiveAgreement, DsnContact Contact, decimal ReferenceMonthlyHours,
    string AtRiskCode, decimal AtRate, string? HolidayFund, string? ShowLicence);

/// <summary>One payslip of the month, as paid; <paramref name="NotifiedRate"/> when the tax was withheld at the rate the DGFiP notified (else the neutral grid).</summary>
public sealed record DsnPayslip(
    string Number, DateOnly From, DateOnly To, DateOnly PaidOn, PayrollResult Result, Money NetTaxable, Money NetPaid, decimal TaxRate, bool NotifiedRate, Money Tax,
    decimal? Hours, int? Cachets);

/// <summary>A contract and its payslips of the month; <paramref name="Trade"/> (a member's trade code, none for employers' staff) gives its PCS-ESE code.</summary>
public sealed record DsnContract(string Number, EmployeeKind Kind, bool Cadre, string Job, string? Trade, DateOnly Start, DateOnly End, IReadOnlyList<DsnPayslip> Payslips);

/// <summary>A person declared: the NIR, names, birth date and place, and home address.</summary>
public sealed record DsnIndividual(
    Nir Nir, string LastName, string FirstName, DateOnly BirthDate, string Matricule, string Street, string PostalCode, string City,
    IReadOnlyList<DsnContract> Contracts)
{
    /// <summary>The town of birth (S21.G00.30.007), required of anyone born in France.</summary>
    public string? BirthPlace { get; init; }

    /// <summary>The country of birth (ISO 3166) of someone born abroad (the NIR's department 99); null for France.</summary>
    public string? BirthCountry { get; init; }
}

/// <summary>A base subject to contributions (S21.G00.78) and the individual contributions on it (S21.G00.81).</summary>
public sealed record DsnBase(string Code, decimal Amount, IReadOnlyList<DsnContribution> Contributions);

public sealed record DsnContribution(string Code, decimal Base, decimal Amount);

/// <summary>
/// The parts of the maladie and family allowance rates declared on their own "complément" codes (907
/// and 102) from 2026, read from the payroll parameters for the month declared.
/// </summary>
public sealed record DsnComplements(decimal Maladie, decimal Family);

/// <summary>One monthly DSN ("DSN mensuelle") of one employer's establishment.</summary>
public sealed record DsnSubmission(int Year, int Month, bool Test, DateOnly BuiltOn, DsnSender Sender, DsnEmployer Employer, IReadOnlyList<DsnIndividual> Individuals)
{
    /// <summary>The declaration's rank among those built for the month (1 for the first): its "numéro d'ordre" S20.G00.05.004 is unique by it.</summary>
    public int Ordinal { get; init; } = 1;

    /// <summary>It cancels and replaces the month's declaration already deposited (type 03, or 05 without anyone), before the deadline.</summary>
    public bool Replacement { get; init; }

    /// <summary>Contributions owed by the establishment itself (S21.G00.82), e.g. the apprenticeship tax's yearly balance in April.</summary>
    public IReadOnlyList<DsnEstablishmentContribution> EstablishmentContributions { get; init; } = [];
}

/// <summary>A contribution of the establishment (S21.G00.82): its amount, code, the period it is owed for, and the body's reference (for URSSAF, its SIRET).</summary>
public sealed record DsnEstablishmentContribution(string Code, decimal Value, DateOnly From, DateOnly To, string Reference);
