using System.Globalization;
using System.Xml.Linq;
using Partage.App.Modules.Invoicing;
using Partage.Kernel;

namespace Partage.Tests.Invoicing;

/// <summary>
/// Our EN 16931 computation against the official CEN examples (tests/standards): each line's net
/// (quantity × net price, per basis quantity, rounded to the cent) where the line has no
/// allowance of its own, and each VAT breakdown's amount from its basis and rate.
/// </summary>
public class En16931ExampleTests
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(EInvoiceValidator.StandardsFolder, "en16931-cen-1.3.16", "examples"), "*.xml").Select(f => Path.GetFileName(f)).Order()];

    private static XDocument Load(string name) => XDocument.Load(Path.Combine(EInvoiceValidator.StandardsFolder, "en16931-cen-1.3.16", "examples", name));

    private static decimal Number(XElement? e) => decimal.Parse(e!.Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// Line nets, in magnitude: CEN example 1 writes its return lines with a positive quantity and
    /// a negative total. CII_business_example_01 is left out: its BasisQuantity equals the price on
    /// every line (1273 per 1273 units), so quantity × price ÷ basis cannot give its totals; the CEN
    /// rules do not check line arithmetic, and the example's own totals are quantity × price.
    /// </summary>
    [Theory]
    [InlineData("CII_business_example_02.xml")]
    [InlineData("CII_example1.xml")]
    [InlineData("CII_example5.xml")]
    public void LineNets_AsTheExampleStatesThem(string example)
    {
        var checkedLines = 0;
        foreach (var line in Load(example).Descendants(Ram + "IncludedSupplyChainTradeLineItem"))
        {
            var settlement = line.Element(Ram + "SpecifiedLineTradeSettlement")!;
            if (settlement.Elements(Ram + "SpecifiedTradeAllowanceCharge").Any())
            {
                continue;   // line allowances and charges are not part of what we issue
            }

            var price = line.Descendants(Ram + "NetPriceProductTradePrice").Single();
            var basis = price.Element(Ram + "BasisQuantity") is { } b ? Number(b) : 1m;
            var quantity = Number(line.Descendants(Ram + "BilledQuantity").Single());
            var stated = Number(settlement.Descendants(Ram + "LineTotalAmount").Single());
            Assert.Equal(Math.Abs(Rounding.ToCents(stated)), InvoiceCalculator.LineNetCents(Math.Abs(quantity), Number(price.Element(Ram + "ChargeAmount")) / basis));
            checkedLines++;
        }

        Assert.True(checkedLines > 0 || example == "CII_example5.xml", $"{example}: no line checked");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void VatPerRate_AsTheExampleStatesIt(string example)
    {
        var settlement = Load(example).Descendants(Ram + "ApplicableHeaderTradeSettlement").Single();
        foreach (var breakdown in settlement.Elements(Ram + "ApplicableTradeTax"))
        {
            var rule = new VatRule { Code = "X", Category = breakdown.Element(Ram + "CategoryCode")!.Value, RatePercent = Number(breakdown.Element(Ram + "RateApplicablePercent")) };
            var totals = InvoiceCalculator.Totals([(Rounding.ToCents(Number(breakdown.Element(Ram + "BasisAmount"))), rule)]);
            Assert.Equal(Rounding.ToCents(Number(breakdown.Element(Ram + "CalculatedAmount"))), totals.Vat.Cents);
        }

        var taxTotal = settlement.Descendants(Ram + "TaxTotalAmount").First();
        Assert.Equal(Rounding.ToCents(Number(taxTotal)), settlement.Elements(Ram + "ApplicableTradeTax").Sum(b => Rounding.ToCents(Number(b.Element(Ram + "CalculatedAmount")))));
    }
}
