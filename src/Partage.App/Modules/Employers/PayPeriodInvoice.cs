using Partage.Kernel;

namespace Partage.App.Modules.Employers;

/// <summary>A share of the management fee and the account it is posted to.</summary>
public sealed record FeeShare(string Label, string AccountNumber, Money Amount);

/// <summary>
/// What an employer owes for a pay period: the net wages advanced, the social contributions (and
/// the income tax withheld) under a complete mandate only, the management fee excl. VAT on the
/// gross payroll split into its shares, VAT on the fee only, and the costs advanced at cost.
/// </summary>
public sealed record PayPeriodInvoice(
    Money GrossPayroll, Money NetWages, Money Contributions, Money AdvancedCosts, decimal FeeRatePercent, Money Fee, IReadOnlyList<FeeShare> FeeShares, decimal VatRate, Money Vat)
{
    /// <summary>What the cooperative advanced on the employer's behalf: re-invoiced at cost, outside the VAT base.</summary>
    public Money Advances => NetWages + Contributions + AdvancedCosts;

    public Money Total => Advances + Fee + Vat;

    /// <param name="contributions">The employee and employer contributions after reductions, and the tax withheld: counted only under a complete mandate.</param>
    /// <param name="shares">The fee's shares in rate points with their accounts (2 to the guarantee fund, 4.5 to running costs for 6.5 %).</param>
    public static PayPeriodInvoice Compute(
        MandateKind kind, Money grossPayroll, Money netWages, Money contributions, Money advancedCosts, decimal feeRatePercent,
        IReadOnlyList<(string Label, string Account, decimal Points)> shares, decimal vatRate)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var fee = Rate.FromPercent(feeRatePercent).AppliedTo(grossPayroll);
        var parts = shares.Count == 0 ? [] : fee.Allocate(shares.Select(s => s.Points).ToArray());
        var vat = Money.Eur(Rounding.ToCents(fee.Amount * vatRate));
        return new PayPeriodInvoice(grossPayroll, netWages, kind == MandateKind.Complete ? contributions : Money.ZeroEur, advancedCosts, feeRatePercent, fee,
            shares.Select((s, i) => new FeeShare(s.Label, s.Account, parts[i])).ToList(), vatRate, vat);
    }
}
