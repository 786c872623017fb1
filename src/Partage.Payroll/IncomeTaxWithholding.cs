namespace Partage.Payroll;

public sealed record Withholding(decimal Base, decimal Rate, decimal Amount, bool NeutralRate);

/// <summary>
/// The income tax withheld at source (prélèvement à la source): the rate the tax office notified
/// for the employee when there is one, else the default ("neutral") rate of the monthly grid on the
/// net taxable pay, whose base a CDD of at most two months reduces by half a monthly SMIC.
/// </summary>
public static class IncomeTaxWithholding
{
    public static Withholding Compute(decimal netTaxable, decimal? notifiedRate, bool shortContract, PayrollRates rates)
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

        var abatement = shortContract ? decimal.Round(rates.ShortContractAbatement * rates.SmicHourly * rates.LegalMonthlyHours, 2, MidpointRounding.AwayFromZero) : 0m;
        var @base = Math.Max(netTaxable - abatement, 0);
        var bracket = 0;
        while (bracket < rates.NeutralGridThresholds.Count && @base >= rates.NeutralGridThresholds[bracket])
        {
            bracket++;
        }

        var neutral = rates.NeutralGridRates[bracket];
        return new Withholding(@base, neutral, decimal.Round(@base * neutral, 2, MidpointRounding.AwayFromZero), NeutralRate: true);
    }
}
