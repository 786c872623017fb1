using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>
/// The cooperative as an employer: what the engine needs to know of it (section <c>Payroll:Employer</c>),
/// set from its own notices. Its AT/MP rate changes every year, so it is a dated row of the payroll
/// parameters (<c>atmp_cooperative</c>), read for the month computed, not a setting of the server.
/// </summary>
public sealed class PayrollEmployerOptions
{
    public const string AtMpRateCode = "atmp_cooperative";

    public int Headcount { get; set; } = 300;

    /// <summary>The versement mobilité rate of the employer's commune (0 where none is due).</summary>
    public decimal MobilityRate { get; set; }

    public bool AlsaceMoselle { get; set; }

    /// <summary>Member of the Congés Spectacles fund (every employer of intermittents must be).</summary>
    public bool CongesSpectacles { get; set; } = true;

    /// <summary>The IDCC of the collective agreement (3090: entreprises du secteur privé du spectacle vivant).</summary>
    public string? CollectiveAgreement { get; set; } = "3090";

    /// <summary>The employer of a month's payslip; without an AT/MP row in force the engine refuses the request with its message.</summary>
    public EmployerInput ToInput(ParameterCatalog catalog, DateOnly month) =>
        new(Headcount, catalog.ValueOn(AtMpRateCode, month), MobilityRate, AlsaceMoselle, CongesSpectacles, CollectiveAgreement);
}
