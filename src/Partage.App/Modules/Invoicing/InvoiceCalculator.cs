using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

public sealed record VatBreakdown(string Category, decimal RatePercent, string Code, Money Basis, Money Vat, string? ExemptionText);

public sealed record InvoiceTotals(Money Net, Money Vat, Money Gross, IReadOnlyList<VatBreakdown> Breakdown);

/// <summary>
/// The figures of an invoice as EN 16931 computes them: each line's net rounded to the cent, then
/// per VAT category and rate the VAT of the summed bases, rounded once (half away from zero).
/// </summary>
public static class InvoiceCalculator
{
    public static long LineNetCents(decimal quantity, decimal unitPrice) => Rounding.ToCents(quantity * unitPrice);

    public static InvoiceTotals Totals(IEnumerable<(long NetCents, VatRule Rule)> lines)
    {
        var breakdown = lines
            .GroupBy(l => (l.Rule.Category, l.Rule.RatePercent))
            .OrderByDescending(g => g.Key.RatePercent).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var basis = Money.Eur(g.Sum(l => l.NetCents));
                var rule = g.First().Rule;
                return new VatBreakdown(g.Key.Category, g.Key.RatePercent, rule.Code, basis, Rate.FromPercent(g.Key.RatePercent).AppliedTo(basis), rule.ExemptionText);
            })
            .ToList();
        var net = breakdown.Select(b => b.Basis).Sum(Currency.Eur);
        var vat = breakdown.Select(b => b.Vat).Sum(Currency.Eur);
        return new InvoiceTotals(net, vat, net + vat, breakdown);
    }
}
