namespace Partage.Payroll;

/// <summary>
/// The largest gross whose employer cost fits a budget, to the cent. The employer cost never
/// falls when the gross rises by a cent (each line is a rounded non-decreasing function of the
/// gross, and the general reduction grows by less than a cent per cent of pay), so a binary
/// search over cents finds it. (In 2025 the general reduction and its two "bandeaux" are rounded
/// separately, and the cost may dip by a cent: the answer is then right to within that cent.)
/// The end-of-contract indemnities of a régime général CDD are part of the cost the budget covers.
/// </summary>
public static class PayslipInverse
{
    public static PayrollResult LargestGrossWithin(PayslipInput template, PayrollRates rates, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (budget < 0)
        {
            throw new Kernel.InputValidationException(new Dictionary<string, string[]> { ["budget"] = ["Le budget est un montant positif."] });
        }

        // A template that ends its contract is a contract of that one month: the indemnities' base follows the gross.
        PayrollResult At(long cents) => PayslipEngine.Compute(
            template with { Gross = cents / 100m, EndOfContract = template.EndOfContract is { } ending ? ending with { ContractGross = cents / 100m } : null }, rates);
        long low = 0, high = (long)decimal.Floor(budget * 100);   // the employer cost is at least the gross
        var best = At(low);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            var candidate = At(middle);
            if (candidate.EmployerCost <= budget)
            {
                (low, best) = (middle, candidate);
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }
}
