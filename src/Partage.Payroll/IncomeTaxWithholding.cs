namespace Partage.Payroll;

public sealed record Withholding(decimal Base, decimal Rate, decimal Amount, bool NeutralRate);

/// <summary>
/// The income tax withheld at source (prélèvement à la source): the rate the tax office notified
/// for the employee when there is one, else the default ("neutral") rate of the monthly grid on the
/// net taxable pay, whose base a CDD of at most two months reduces by half the monthly SMIC's
/// net taxable amount (CGI art. 204 H III; BOI-IR-PAS-20-20-30-10 n° 230).
/// </summary>
public static class IncomeTaxWithholding
{
    /// <summary>Each catalog's abatements by month: a payroll run computes the same month's for each of its short contracts (a catalog never changes).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParameterCatalog, System.Collections.Concurrent.ConcurrentDictionary<(int Year, int Month), decimal>> Abatements = [];

    /// <summary>
    /// The highest rate a tax office's notice can carry on a date: the household's tax over its income is at most the top
    /// marginal rate (dated parameter <c>pas_taux_maximum</c>); before its first row, only "a fraction" bounds it.
    /// </summary>
    public static decimal MaximumNotifiedRate(ParameterCatalog catalog, DateOnly? on)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return (on is { } date ? catalog.ValueOn("pas_taux_maximum", date) : null) ?? 1m;
    }

    /// <param name="shortContractAbatement">What a short contract's base loses (<see cref="ShortContractAbatement"/>), 0 for any other.</param>
    public static Withholding Compute(decimal netTaxable, decimal? notifiedRate, decimal shortContractAbatement, PayrollRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (notifiedRate is { } rate)
        {
            return new Withholding(netTaxable, rate, decimal.Round(netTaxable * rate, 2, MidpointRounding.AwayFromZero), NeutralRate: false);
        }

        if (rates.NeutralGridRates.Count == 0)
        {
            throw new InvalidOperationException($"Aucune grille de taux non personnalisé n'est en vigueur le {rates.On:dd/MM/yyyy} : saisissez-la dans les paramètres de paie, ou le taux transmis pour le salarié.");
        }

        var @base = Math.Max(netTaxable - shortContractAbatement, 0);
        var bracket = 0;
        while (bracket < rates.NeutralGridThresholds.Count && @base >= rates.NeutralGridThresholds[bracket])
        {
            bracket++;
        }

        var neutral = rates.NeutralGridRates[bracket];
        return new Withholding(@base, neutral, decimal.Round(@base * neutral, 2, MidpointRounding.AwayFromZero), NeutralRate: true);
    }

    /// <summary>The abatement of a contract's month: a contract whose term does not exceed two months gets it, any other none.</summary>
    public static decimal ShortContractAbatement(ParameterCatalog catalog, DateOnly start, DateOnly end, DateOnly month) =>
        end < start.AddMonths(2) ? ShortContractAbatement(catalog, month) : 0m;

    /// <summary>
    /// The short contracts' abatement in force on <paramref name="on"/>: the share
    /// <c>pas_abattement_contrats_courts</c> (one half) of the net taxable pay of a full-time month
    /// at the SMIC, as the engine computes it for a régime général employee, rounded to the euro as
    /// the administration publishes it (BOI-BAREME-000037: 624 € in 2019 for a net taxable SMIC of
    /// 1,247.55 €). Not the gross SMIC, which the base would lose too much of.
    /// </summary>
    public static decimal ShortContractAbatement(ParameterCatalog catalog, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Abatements.GetOrCreateValue(catalog).GetOrAdd((on.Year, on.Month), month =>
        {
            var (first, last) = (new DateOnly(month.Year, month.Month, 1), new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1));
            var rates = catalog.Resolve(first);   // the SMIC of the month paid (it changes on a month's first day)
            var smic = decimal.Round(rates.SmicHourly * rates.LegalMonthlyHours, 2, MidpointRounding.AwayFromZero);
            var result = PayslipEngine.Compute(new PayrollRequest($"{month.Year:D4}-{month.Month:D2}", new EmployerInput(20, 0.01m, 0, false, false, null),
                new EmployeeInput("regime_general", false, null), new ContractInput("CDD", first, last), new WorkInput(rates.MonthlyHours, null, null), smic), catalog);
            return decimal.Round(result.NetTaxable * rates.ShortContractAbatement, 0, MidpointRounding.AwayFromZero);
        });
    }
}
