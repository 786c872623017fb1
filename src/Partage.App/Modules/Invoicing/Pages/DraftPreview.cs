using Partage.App.Modules.Invoicing.Features;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>
/// The figures of a draft being typed, computed by the invoice's own calculator: each line's net when its quantity and
/// price read as numbers, the VAT per rate and the total. What is not yet a number counts for nothing until it is.
/// </summary>
public sealed record DraftPreview(IReadOnlyList<Money?> LineNets, InvoiceTotals Totals)
{
    public static readonly DraftPreview Empty = new([], InvoiceCalculator.Totals([]));

    public static DraftPreview Of(IReadOnlyList<InvoiceLineInput> lines, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var nets = new List<Money?>();
        var priced = new List<(long, VatRule)>();
        foreach (var line in lines)
        {
            var rule = VatRules.All.FirstOrDefault(r => r.Code == (line.VatCode ?? VatRules.Standard) && r.IsValidOn(on));
            if (French.TryParseDecimal(line.Quantity, out var q) && French.TryParseDecimal(line.UnitPrice, out var p) && q * p <= Money.Max.Amount && rule is not null)
            {
                var net = InvoiceCalculator.LineNetCents(q, p);
                nets.Add(Money.Eur(net));
                priced.Add((net, rule));
            }
            else
            {
                nets.Add(null);
            }
        }

        return new DraftPreview(nets, priced.Sum(p => p.Item1) > Money.MaxCents ? Empty.Totals : InvoiceCalculator.Totals(priced));
    }
}
