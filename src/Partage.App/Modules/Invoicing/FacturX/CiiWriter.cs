using System.Globalization;
using System.Text;
using System.Xml;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.FacturX;

/// <summary>
/// Writes the UN/CEFACT Cross Industry Invoice of a document, Factur-X profile EN 16931, with the
/// French mandatory data (BT-23 operation nature, SIRENs, electronic addresses, PMT/PMD/AAB
/// notes). Element order follows the XSD's sequences; paths per docs/adr/0006-factur-x.md.
/// </summary>
public static class CiiWriter
{
    private const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    public static byte[] Write(InvoiceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("rsm", "CrossIndustryInvoice", Rsm);
            x.WriteAttributeString("xmlns", "qdt", null, Qdt);
            x.WriteAttributeString("xmlns", "ram", null, Ram);
            x.WriteAttributeString("xmlns", "udt", null, Udt);

            x.WriteStartElement("rsm", "ExchangedDocumentContext", Rsm);
            Wrap(x, "BusinessProcessSpecifiedDocumentContextParameter", () => Element(x, "ID", "S1"));   // BT-23: services
            Wrap(x, "GuidelineSpecifiedDocumentContextParameter", () => Element(x, "ID", "urn:cen.eu:en16931:2017"));
            x.WriteEndElement();

            x.WriteStartElement("rsm", "ExchangedDocument", Rsm);
            Element(x, "ID", doc.Number);
            Element(x, "TypeCode", doc.Kind == InvoiceKind.Invoice ? "380" : "381");
            Wrap(x, "IssueDateTime", () => Date(x, Udt, doc.IssueDate));
            var seller = doc.Parties.Seller;
            Note(x, $"{seller.Name}, {seller.LegalForm}", "REG");
            Note(x, doc.Options.LatePenaltyText, "PMD");
            Note(x, doc.Options.RecoveryIndemnityText, "PMT");
            Note(x, doc.Options.DiscountText, "AAB");
            Note(x, doc.Treatment, "BAR");
            x.WriteEndElement();

            x.WriteStartElement("rsm", "SupplyChainTradeTransaction", Rsm);
            foreach (var line in doc.Lines)
            {
                WriteLine(x, line);
            }

            Wrap(x, "ApplicableHeaderTradeAgreement", () =>
            {
                if (doc.BuyerReference is not null)
                {
                    Element(x, "BuyerReference", doc.BuyerReference);
                }

                Party(x, "SellerTradeParty", seller, "0225");
                Party(x, "BuyerTradeParty", doc.Parties.Buyer, doc.Parties.Buyer.ElectronicAddress is null ? "EM" : "0225");
                if (doc.PurchaseOrder is not null && doc.Kind == InvoiceKind.Invoice)
                {
                    Wrap(x, "BuyerOrderReferencedDocument", () => Element(x, "IssuerAssignedID", doc.PurchaseOrder));
                }
            });
            Wrap(x, "ApplicableHeaderTradeDelivery", () =>
                Wrap(x, "ActualDeliverySupplyChainEvent", () => Wrap(x, "OccurrenceDateTime", () => Date(x, Udt, doc.ServiceTo))));
            Wrap(x, "ApplicableHeaderTradeSettlement", () => WriteSettlement(x, doc));
            x.WriteEndElement();
            x.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteLine(XmlWriter x, DocumentLine line) => Wrap(x, "IncludedSupplyChainTradeLineItem", () =>
    {
        Wrap(x, "AssociatedDocumentLineDocument", () => Element(x, "LineID", line.Position.ToString(CultureInfo.InvariantCulture)));
        Wrap(x, "SpecifiedTradeProduct", () => Element(x, "Name", line.Description));
        Wrap(x, "SpecifiedLineTradeAgreement", () => Wrap(x, "NetPriceProductTradePrice", () => Element(x, "ChargeAmount", Decimals(line.UnitPrice, 4))));
        Wrap(x, "SpecifiedLineTradeDelivery", () =>
        {
            x.WriteStartElement("ram", "BilledQuantity", Ram);
            x.WriteAttributeString("unitCode", line.Unit);
            x.WriteString(Decimals(line.Quantity, 4));
            x.WriteEndElement();
        });
        Wrap(x, "SpecifiedLineTradeSettlement", () =>
        {
            Wrap(x, "ApplicableTradeTax", () =>
            {
                Element(x, "TypeCode", "VAT");
                Element(x, "CategoryCode", line.Rule.Category);
                Element(x, "RateApplicablePercent", Decimals(line.Rule.RatePercent, 2));
            });
            Wrap(x, "SpecifiedTradeSettlementLineMonetarySummation", () => Element(x, "LineTotalAmount", Amount(line.Net)));
        });
    });

    // Long method: the ApplicableHeaderTradeSettlement block in the order of the CII schema (currency, payment means, VAT breakdown, terms, totals), to be read against it.
    private static void WriteSettlement(XmlWriter x, InvoiceDocument doc)
    {
        Element(x, "PaymentReference", doc.PaymentReference);
        Element(x, "InvoiceCurrencyCode", "EUR");
        Wrap(x, "SpecifiedTradeSettlementPaymentMeans", () =>
        {
            Element(x, "TypeCode", "58");   // SEPA credit transfer
            Wrap(x, "PayeePartyCreditorFinancialAccount", () => Element(x, "IBANID", doc.Options.Iban));
            Wrap(x, "PayeeSpecifiedCreditorFinancialInstitution", () => Element(x, "BICID", doc.Options.Bic));
        });
        foreach (var b in doc.Totals.Breakdown)
        {
            Wrap(x, "ApplicableTradeTax", () =>
            {
                Element(x, "CalculatedAmount", Amount(b.Vat));
                Element(x, "TypeCode", "VAT");
                if (b.ExemptionText is not null)
                {
                    Element(x, "ExemptionReason", b.ExemptionText);
                }

                Element(x, "BasisAmount", Amount(b.Basis));
                Element(x, "CategoryCode", b.Category);
                if (b.Category is "AE" or "G")
                {
                    Element(x, "ExemptionReasonCode", b.Category == "AE" ? "VATEX-EU-AE" : "VATEX-EU-G");
                }

                Element(x, "RateApplicablePercent", Decimals(b.RatePercent, 2));
            });
        }

        Wrap(x, "BillingSpecifiedPeriod", () =>
        {
            Wrap(x, "StartDateTime", () => Date(x, Udt, doc.ServiceFrom));
            Wrap(x, "EndDateTime", () => Date(x, Udt, doc.ServiceTo));
        });
        Wrap(x, "SpecifiedTradePaymentTerms", () =>
        {
            Element(x, "Description", doc.Kind == InvoiceKind.Invoice
                ? $"Paiement à {doc.DueDate.DayNumber - doc.IssueDate.DayNumber} jours, au plus tard le {doc.DueDate:dd/MM/yyyy}, par virement (référence {doc.PaymentReference})"
                : "Avoir : montant déduit de ce que vous devez, ou remboursé");
            Wrap(x, "DueDateDateTime", () => Date(x, Udt, doc.DueDate));
        });
        Wrap(x, "SpecifiedTradeSettlementHeaderMonetarySummation", () =>
        {
            Element(x, "LineTotalAmount", Amount(doc.Totals.Net));
            Element(x, "TaxBasisTotalAmount", Amount(doc.Totals.Net));
            x.WriteStartElement("ram", "TaxTotalAmount", Ram);
            x.WriteAttributeString("currencyID", "EUR");
            x.WriteString(Amount(doc.Totals.Vat));
            x.WriteEndElement();
            Element(x, "GrandTotalAmount", Amount(doc.Totals.Gross));
            Element(x, "DuePayableAmount", Amount(doc.Totals.Gross));
        });
        if (doc.CreditedNumber is not null)
        {
            Wrap(x, "InvoiceReferencedDocument", () =>
            {
                Element(x, "IssuerAssignedID", doc.CreditedNumber);
                Wrap(x, "FormattedIssueDateTime", () => Date(x, Qdt, doc.CreditedIssueDate!.Value));
            });
        }
    }

    private static void Party(XmlWriter x, string element, InvoiceParty party, string addressScheme) => Wrap(x, element, () =>
    {
        if (party.Siret is not null)
        {
            x.WriteStartElement("ram", "GlobalID", Ram);
            x.WriteAttributeString("schemeID", "0009");
            x.WriteString(party.Siret);
            x.WriteEndElement();
        }

        Element(x, "Name", party.Name);
        if (party.Siren is not null)
        {
            Wrap(x, "SpecifiedLegalOrganization", () =>
            {
                x.WriteStartElement("ram", "ID", Ram);
                x.WriteAttributeString("schemeID", "0002");
                x.WriteString(party.Siren);
                x.WriteEndElement();
            });
        }

        Wrap(x, "PostalTradeAddress", () =>
        {
            Element(x, "PostcodeCode", party.PostalCode);
            Element(x, "LineOne", party.Line1);
            if (party.Line2 is not null)
            {
                Element(x, "LineTwo", party.Line2);
            }

            Element(x, "CityName", party.City);
            Element(x, "CountryID", party.Country);
        });
        if ((addressScheme == "EM" ? party.Email : party.ElectronicAddress) is { } address)
        {
            Wrap(x, "URIUniversalCommunication", () =>
            {
                x.WriteStartElement("ram", "URIID", Ram);
                x.WriteAttributeString("schemeID", addressScheme);
                x.WriteString(address);
                x.WriteEndElement();
            });
        }

        if (party.VatNumber is not null)
        {
            Wrap(x, "SpecifiedTaxRegistration", () =>
            {
                x.WriteStartElement("ram", "ID", Ram);
                x.WriteAttributeString("schemeID", "VA");
                x.WriteString(party.VatNumber);
                x.WriteEndElement();
            });
        }
    });

    private static void Note(XmlWriter x, string content, string subject) => Wrap(x, "IncludedNote", () =>
    {
        Element(x, "Content", content);
        Element(x, "SubjectCode", subject);
    });

    private static void Date(XmlWriter x, string ns, DateOnly date)
    {
        x.WriteStartElement(ns == Qdt ? "qdt" : "udt", "DateTimeString", ns);
        x.WriteAttributeString("format", "102");
        x.WriteString(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        x.WriteEndElement();
    }

    private static void Wrap(XmlWriter x, string element, Action content)
    {
        x.WriteStartElement("ram", element, Ram);
        content();
        x.WriteEndElement();
    }

    private static void Element(XmlWriter x, string element, string value) => x.WriteElementString("ram", element, Ram, value);

    private static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Decimals(decimal value, int decimals) => value.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
}
