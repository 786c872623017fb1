using System.Globalization;
using System.Text;

namespace Partage.Tests.Purchases;

/// <summary>A line of a supplier's invoice: its name, net in cents, VAT rate in per cent (category S, or E at 0).</summary>
public sealed record SupplierLine(string Name, long NetCents, decimal Rate);

/// <summary>
/// Suppliers' invoices as other software writes them, for the inbound tests: a CII (D16B, as in Factur-X EN 16931)
/// and a UBL 2.1 invoice, their totals computed as EN 16931 says unless a test spoils one on purpose.
/// </summary>
public static class SupplierFiles
{
    public const string SupplierSiren = "732829320";
    public const string SupplierIban = "FR7630006000011234567890189";

    public static byte[] Cii(string number, string buyerSiren, string? buyerReference, IReadOnlyList<SupplierLine> lines, long? grandTotalOverride = null, string sellerSiren = SupplierSiren)
    {
        var (net, vat, total, rates) = Totals(lines);
        var items = string.Concat(lines.Select((l, i) => $"""
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>{i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>{l.Name}</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{A(l.NetCents)}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
              <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
              <ram:SpecifiedLineTradeSettlement>
                <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>{Category(l.Rate)}</ram:CategoryCode><ram:RateApplicablePercent>{R(l.Rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>
                <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{A(l.NetCents)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
              </ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            """));
        var taxes = string.Concat(rates.Select(r => $"""
            <ram:ApplicableTradeTax><ram:CalculatedAmount>{A(r.Vat)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>{A(r.Base)}</ram:BasisAmount><ram:CategoryCode>{Category(r.Rate)}</ram:CategoryCode><ram:RateApplicablePercent>{R(r.Rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>
            """));
        var grand = grandTotalOverride ?? total;
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
              <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
              <rsm:ExchangedDocument><ram:ID>{number}</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
              <rsm:SupplyChainTradeTransaction>
                {items}
                <ram:ApplicableHeaderTradeAgreement>
                  {(buyerReference is null ? string.Empty : $"<ram:BuyerReference>{buyerReference}</ram:BuyerReference>")}
                  <ram:SellerTradeParty><ram:Name>Lumière &amp; Son SARL</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{sellerSiren}</ram:ID></ram:SpecifiedLegalOrganization>
                    <ram:PostalTradeAddress><ram:PostcodeCode>59000</ram:PostcodeCode><ram:LineOne>3 rue des Arts</ram:LineOne><ram:CityName>Lille</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
                    <ram:URIUniversalCommunication><ram:URIID schemeID="0225">{sellerSiren}_FACTURES</ram:URIID></ram:URIUniversalCommunication>
                    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR44{sellerSiren}</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
                  <ram:BuyerTradeParty><ram:Name>Acheteur</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{buyerSiren}</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty>
                </ram:ApplicableHeaderTradeAgreement>
                <ram:ApplicableHeaderTradeDelivery/>
                <ram:ApplicableHeaderTradeSettlement>
                  <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
                  <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{SupplierIban}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
                  {taxes}
                  <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20261205</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
                  <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                    <ram:LineTotalAmount>{A(net)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>{A(net)}</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">{A(vat)}</ram:TaxTotalAmount>
                    <ram:GrandTotalAmount>{A(grand)}</ram:GrandTotalAmount><ram:DuePayableAmount>{A(grand)}</ram:DuePayableAmount>
                  </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                </ram:ApplicableHeaderTradeSettlement>
              </rsm:SupplyChainTradeTransaction>
            </rsm:CrossIndustryInvoice>
            """);
    }

    public static byte[] Ubl(string number, string buyerSiren, string? orderReference, IReadOnlyList<SupplierLine> lines)
    {
        var (net, vat, total, rates) = Totals(lines);
        var subtotals = string.Concat(rates.Select(r => $"""
            <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">{A(r.Base)}</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">{A(r.Vat)}</cbc:TaxAmount>
              <cac:TaxCategory><cbc:ID>{Category(r.Rate)}</cbc:ID><cbc:Percent>{R(r.Rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
            """));
        var items = string.Concat(lines.Select((l, i) => $"""
            <cac:InvoiceLine><cbc:ID>{i + 1}</cbc:ID><cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">{A(l.NetCents)}</cbc:LineExtensionAmount>
              <cac:Item><cbc:Name>{l.Name}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>{Category(l.Rate)}</cbc:ID><cbc:Percent>{R(l.Rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
              <cac:Price><cbc:PriceAmount currencyID="EUR">{A(l.NetCents)}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
            """));
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
              <cbc:ID>{number}</cbc:ID><cbc:IssueDate>2026-11-21</cbc:IssueDate><cbc:DueDate>2026-12-04</cbc:DueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
              <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
              {(orderReference is null ? string.Empty : $"<cac:OrderReference><cbc:ID>{orderReference}</cbc:ID></cac:OrderReference>")}
              <cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0225">{SupplierSiren}_FACTURES</cbc:EndpointID>
                <cac:PostalAddress><cbc:CityName>Lille</cbc:CityName><cbc:PostalZone>59000</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
                <cac:PartyTaxScheme><cbc:CompanyID>FR44{SupplierSiren}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                <cac:PartyLegalEntity><cbc:RegistrationName>Lumière &amp; Son SARL</cbc:RegistrationName><cbc:CompanyID schemeID="0002">{SupplierSiren}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
              <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Acheteur</cbc:RegistrationName><cbc:CompanyID schemeID="0002">{buyerSiren}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
              <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>{SupplierIban}</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
              <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">{A(vat)}</cbc:TaxAmount>{subtotals}</cac:TaxTotal>
              <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">{A(net)}</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="EUR">{A(net)}</cbc:TaxExclusiveAmount>
                <cbc:TaxInclusiveAmount currencyID="EUR">{A(total)}</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">{A(total)}</cbc:PayableAmount></cac:LegalMonetaryTotal>
              {items}
            </Invoice>
            """);
    }

    /// <summary>Net, VAT and total by EN 16931: each rate's VAT on the sum of its lines, rounded half away from zero.</summary>
    public static (long Net, long Vat, long Total, IReadOnlyList<(decimal Rate, long Base, long Vat)> Rates) Totals(IReadOnlyList<SupplierLine> lines)
    {
        var rates = lines.GroupBy(l => l.Rate).Select(g => (Rate: g.Key, Base: g.Sum(l => l.NetCents), Vat: (long)Math.Round(g.Sum(l => l.NetCents) * g.Key / 100m, MidpointRounding.AwayFromZero))).ToList();
        var net = lines.Sum(l => l.NetCents);
        var vat = rates.Sum(r => r.Vat);
        return (net, vat, net + vat, rates);
    }

    private static string Category(decimal rate) => rate == 0 ? "E" : "S";

    private static string A(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);
}
