using Partage.Kernel;

namespace Partage.Payroll;

/// <summary>
/// The amounts a payslip keeps, in cents, each rounded once from the engine's result and the tax
/// withheld: what members' and employers' staff payslips store alike.
/// </summary>
public sealed record PayslipFigures(
    long GrossCents, long EmployeeContributionsCents, long EmployerContributionsCents, long ReductionsCents, long NetBeforeTaxCents, long NetTaxableCents,
    decimal TaxRate, bool NeutralTaxRate, long TaxCents, long NetPaidCents, long EmployerCostCents)
{
    public static PayslipFigures Of(PayrollResult result, Withholding tax)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tax);
        return new PayslipFigures(Rounding.ToCents(result.Gross), Rounding.ToCents(result.TotalEmployee), Rounding.ToCents(result.TotalEmployer),
            Rounding.ToCents(result.TotalReductions), Rounding.ToCents(result.NetBeforeTax), Rounding.ToCents(result.NetTaxable), tax.Rate, tax.NeutralRate,
            Rounding.ToCents(tax.Amount), Rounding.ToCents(result.NetBeforeTax - tax.Amount), Rounding.ToCents(result.EmployerCost));
    }
}
