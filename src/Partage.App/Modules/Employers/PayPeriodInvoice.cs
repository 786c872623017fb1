using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Employers;

/// <summary>
/// What an employer owes for a pay period: the net wages and allowances advanced, the social
/// contributions and the tax withheld under a complete mandate only, the management fee excl. VAT
/// on the gross payroll split into its shares (the dated fee rule of the contract-management
/// module), and VAT on the fee only.
/// </summary>
public sealed record PayPeriodInvoice(
    MandateKind Kind, Money GrossPayroll, Money NetWages, Money Contributions, Money Allowances, FeeComputation Fee, decimal VatRate, Money Vat)
{
    /// <summary>What the cooperative advanced on the employer's behalf: re-invoiced at cost, outside the VAT base (débours).</summary>
    public Money Advances => NetWages + Contributions + Allowances;

    public Money Total => Advances + Fee.Total + Vat;

    /// <param name="contributions">The employee and employer contributions after reductions, and the tax withheld: counted only under a complete mandate.</param>
    public static PayPeriodInvoice Compute(MandateKind kind, Money grossPayroll, Money netWages, Money contributions, Money allowances, FeeComputation fee, decimal vatRate)
    {
        ArgumentNullException.ThrowIfNull(fee);
        return new PayPeriodInvoice(kind, grossPayroll, netWages, kind == MandateKind.Complete ? contributions : Money.ZeroEur, allowances, fee, vatRate,
            Money.Eur(Rounding.ToCents(fee.Total.Amount * vatRate)));
    }
}
