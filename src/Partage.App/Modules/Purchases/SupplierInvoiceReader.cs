// Long file: the reader of two external formats (UN/CEFACT CII D16B as Factur-X carries it, and OASIS UBL 2.1), each written in
// the order of EN 16931's business terms so that it can be read against the standard.
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Partage.App.Modules.Purchases;

/// <summary>A VAT breakdown line (BG-23): category (BT-118), rate (BT-119), base (BT-116) and amount (BT-117), in cents.</summary>
public sealed record VatSubtotal(string Category, decimal RatePercent, long BaseCents, long VatCents);

/// <summary>
/// What Partage reads of a supplier's invoice: the EN 16931 business terms it needs to check, route, post and pay it.
/// Amounts are in cents; a party's SIREN is read from its legal registration (scheme 0002), its SIRET (0009) or its
/// French VAT number.
/// </summary>
public sealed record SupplierInvoiceData(
    string Syntax, string Number, string TypeCode, DateOnly IssueDate, DateOnly? DueDate, string Currency,
    string SellerName, string? SellerSiren, string? SellerVatNumber, string? SellerEndpoint, string? BuyerSiren, string? BuyerName,
    string? BuyerReference, string? OrderReference, IReadOnlyList<long> LineNets, string? FirstLineName,
    long LineTotalCents, long AllowancesCents, long ChargesCents, long NetCents, long VatCents, long TotalCents, long PrepaidCents, long PayableCents,
    IReadOnlyList<VatSubtotal> Vat, string? Iban);

/// <summary>
/// Reads a supplier's invoice as the platform delivers it: a Factur-X PDF (its embedded factur-x.xml), a CII XML or a
/// UBL XML. Anything else, or a file missing a term the checks need, is refused in French with a FormatException.
/// </summary>
public static class SupplierInvoiceReader
{
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private static readonly XNamespace Ubl = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace UblCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>The largest amount read (ten billion euros): anything beyond is an error, not an invoice.</summary>
    private const decimal Largest = 10_000_000_000m;

    public static SupplierInvoiceData Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > 4 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F')
        {
            return ReadXml(EmbeddedXml(file), "Factur-X");
        }

        return ReadXml(file, null);
    }

    private static SupplierInvoiceData ReadXml(byte[] xml, string? syntax)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(xml);
            document = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        }
        catch (XmlException e)
        {
            throw new FormatException($"La facture n'est ni un PDF Factur-X ni un XML lisible ({e.Message}).", e);
        }

        var root = document.Root!;
        if (root.Name == Rsm + "CrossIndustryInvoice")
        {
            return ReadCii(root, syntax ?? "CII");
        }

        if (root.Name == Ubl + "Invoice")
        {
            return ReadUbl(root);
        }

        if (root.Name == UblCreditNote + "CreditNote")
        {
            throw new FormatException("Les avoirs de fournisseurs ne sont pas encore traités par Partage : la comptabilité les enregistre à la main.");
        }

        throw new FormatException($"Le fichier n'est pas une facture CII ni UBL (élément racine {root.Name.LocalName}).");
    }

    /// <summary>The factur-x.xml (or any XML) a PDF/A-3 carries in its EmbeddedFiles name tree.</summary>
    private static byte[] EmbeddedXml(byte[] pdf)
    {
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException or IOException)
        {
            throw new FormatException($"Le PDF de la facture est illisible ({e.Message}).", e);
        }

        var names = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles")?.Elements.GetArray("/Names");
        var found = new List<(string Name, byte[] Content)>();
        for (var i = 0; names is not null && i + 1 < names.Elements.Count; i += 2)
        {
            var name = (names.Elements[i] as PdfString)?.Value ?? string.Empty;
            var spec = Resolve(names.Elements[i + 1]);
            var stream = Resolve(spec?.Elements.GetDictionary("/EF")?.Elements["/F"]);
            if (stream?.Stream is { } content)
            {
                found.Add((name, content.UnfilteredValue));
            }
        }

        return found.FirstOrDefault(f => string.Equals(f.Name, "factur-x.xml", StringComparison.OrdinalIgnoreCase)).Content
            ?? found.FirstOrDefault(f => f.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Content
            ?? throw new FormatException("Le PDF ne contient pas de données Factur-X (pièce jointe factur-x.xml) : ce n'est pas une facture électronique.");
    }

    private static PdfDictionary? Resolve(PdfItem? item) => item switch
    {
        PdfReference reference => reference.Value as PdfDictionary,
        PdfDictionary dictionary => dictionary,
        _ => null,
    };

    // Long method: the CII terms in the order of EN 16931 (BT-1 … BT-115), one line each.
    private static SupplierInvoiceData ReadCii(XElement root, string syntax)
    {
        var header = root.Element(Rsm + "ExchangedDocument");
        var transaction = root.Element(Rsm + "SupplyChainTradeTransaction") ?? throw Missing("SupplyChainTradeTransaction");
        var agreement = transaction.Element(Ram + "ApplicableHeaderTradeAgreement") ?? throw Missing("ApplicableHeaderTradeAgreement");
        var settlement = transaction.Element(Ram + "ApplicableHeaderTradeSettlement") ?? throw Missing("ApplicableHeaderTradeSettlement");
        var seller = agreement.Element(Ram + "SellerTradeParty") ?? throw Missing("SellerTradeParty");
        var buyer = agreement.Element(Ram + "BuyerTradeParty") ?? throw Missing("BuyerTradeParty");
        var sums = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation") ?? throw Missing("SpecifiedTradeSettlementHeaderMonetarySummation");
        var currency = Required(settlement.Element(Ram + "InvoiceCurrencyCode")?.Value, "InvoiceCurrencyCode (BT-5)");
        var lines = transaction.Elements(Ram + "IncludedSupplyChainTradeLineItem").ToList();
        return new SupplierInvoiceData(
            syntax,
            Required(header?.Element(Ram + "ID")?.Value, "ID (BT-1)"),
            Required(header?.Element(Ram + "TypeCode")?.Value, "TypeCode (BT-3)"),
            CiiDate(header?.Element(Ram + "IssueDateTime")) ?? throw Missing("IssueDateTime (BT-2)"),
            CiiDate(settlement.Element(Ram + "SpecifiedTradePaymentTerms")?.Element(Ram + "DueDateDateTime")),
            currency,
            Required(seller.Element(Ram + "Name")?.Value, "SellerTradeParty/Name (BT-27)"),
            CiiSiren(seller),
            CiiVat(seller),
            Trimmed(seller.Element(Ram + "URIUniversalCommunication")?.Element(Ram + "URIID")?.Value),
            CiiSiren(buyer),
            Trimmed(buyer.Element(Ram + "Name")?.Value),
            Trimmed(agreement.Element(Ram + "BuyerReference")?.Value),
            Trimmed(agreement.Element(Ram + "BuyerOrderReferencedDocument")?.Element(Ram + "IssuerAssignedID")?.Value),
            lines.Select(l => Cents(l.Element(Ram + "SpecifiedLineTradeSettlement")?.Element(Ram + "SpecifiedTradeSettlementLineMonetarySummation")?.Element(Ram + "LineTotalAmount")?.Value, "LineTotalAmount (BT-131)")).ToList(),
            Trimmed(lines.FirstOrDefault()?.Element(Ram + "SpecifiedTradeProduct")?.Element(Ram + "Name")?.Value),
            Cents(sums.Element(Ram + "LineTotalAmount")?.Value, "LineTotalAmount (BT-106)"),
            OptionalCents(sums.Element(Ram + "AllowanceTotalAmount")?.Value, "AllowanceTotalAmount (BT-107)"),
            OptionalCents(sums.Element(Ram + "ChargeTotalAmount")?.Value, "ChargeTotalAmount (BT-108)"),
            Cents(sums.Element(Ram + "TaxBasisTotalAmount")?.Value, "TaxBasisTotalAmount (BT-109)"),
            OptionalCents(sums.Elements(Ram + "TaxTotalAmount").FirstOrDefault(t => (string?)t.Attribute("currencyID") is null || (string?)t.Attribute("currencyID") == currency)?.Value, "TaxTotalAmount (BT-110)"),
            Cents(sums.Element(Ram + "GrandTotalAmount")?.Value, "GrandTotalAmount (BT-112)"),
            OptionalCents(sums.Element(Ram + "TotalPrepaidAmount")?.Value, "TotalPrepaidAmount (BT-113)"),
            Cents(sums.Element(Ram + "DuePayableAmount")?.Value, "DuePayableAmount (BT-115)"),
            settlement.Elements(Ram + "ApplicableTradeTax").Select(t => new VatSubtotal(
                Required(t.Element(Ram + "CategoryCode")?.Value, "CategoryCode (BT-118)"),
                Rate(t.Element(Ram + "RateApplicablePercent")?.Value),
                Cents(t.Element(Ram + "BasisAmount")?.Value, "BasisAmount (BT-116)"),
                Cents(t.Element(Ram + "CalculatedAmount")?.Value, "CalculatedAmount (BT-117)"))).ToList(),
            Trimmed(settlement.Elements(Ram + "SpecifiedTradeSettlementPaymentMeans").Select(m => m.Element(Ram + "PayeePartyCreditorFinancialAccount")?.Element(Ram + "IBANID")?.Value)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))));
    }

    // Long method: the UBL terms in the order of EN 16931 (BT-1 … BT-115), one line each.
    private static SupplierInvoiceData ReadUbl(XElement root)
    {
        var seller = root.Element(Cac + "AccountingSupplierParty")?.Element(Cac + "Party") ?? throw Missing("AccountingSupplierParty");
        var buyer = root.Element(Cac + "AccountingCustomerParty")?.Element(Cac + "Party") ?? throw Missing("AccountingCustomerParty");
        var sums = root.Element(Cac + "LegalMonetaryTotal") ?? throw Missing("LegalMonetaryTotal");
        var currency = Required(root.Element(Cbc + "DocumentCurrencyCode")?.Value, "DocumentCurrencyCode (BT-5)");
        var tax = root.Elements(Cac + "TaxTotal").FirstOrDefault(t => (string?)t.Element(Cbc + "TaxAmount")?.Attribute("currencyID") is null || (string?)t.Element(Cbc + "TaxAmount")?.Attribute("currencyID") == currency);
        var lines = root.Elements(Cac + "InvoiceLine").ToList();
        var net = Cents(sums.Element(Cbc + "TaxExclusiveAmount")?.Value, "TaxExclusiveAmount (BT-109)");
        return new SupplierInvoiceData(
            "UBL",
            Required(root.Element(Cbc + "ID")?.Value, "ID (BT-1)"),
            Required(root.Element(Cbc + "InvoiceTypeCode")?.Value, "InvoiceTypeCode (BT-3)"),
            UblDate(root.Element(Cbc + "IssueDate")?.Value) ?? throw Missing("IssueDate (BT-2)"),
            UblDate(root.Element(Cbc + "DueDate")?.Value),
            currency,
            Required(seller.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "RegistrationName")?.Value ?? seller.Element(Cac + "PartyName")?.Element(Cbc + "Name")?.Value, "RegistrationName (BT-27)"),
            UblSiren(seller),
            Trimmed(seller.Elements(Cac + "PartyTaxScheme").Select(s => s.Element(Cbc + "CompanyID")?.Value).FirstOrDefault()),
            Trimmed(seller.Element(Cbc + "EndpointID")?.Value),
            UblSiren(buyer),
            Trimmed(buyer.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "RegistrationName")?.Value),
            Trimmed(root.Element(Cbc + "BuyerReference")?.Value),
            Trimmed(root.Element(Cac + "OrderReference")?.Element(Cbc + "ID")?.Value),
            lines.Select(l => Cents(l.Element(Cbc + "LineExtensionAmount")?.Value, "LineExtensionAmount (BT-131)")).ToList(),
            Trimmed(lines.FirstOrDefault()?.Element(Cac + "Item")?.Element(Cbc + "Name")?.Value),
            Cents(sums.Element(Cbc + "LineExtensionAmount")?.Value, "LineExtensionAmount (BT-106)"),
            OptionalCents(sums.Element(Cbc + "AllowanceTotalAmount")?.Value, "AllowanceTotalAmount (BT-107)"),
            OptionalCents(sums.Element(Cbc + "ChargeTotalAmount")?.Value, "ChargeTotalAmount (BT-108)"),
            net,
            OptionalCents(tax?.Element(Cbc + "TaxAmount")?.Value, "TaxAmount (BT-110)"),
            Cents(sums.Element(Cbc + "TaxInclusiveAmount")?.Value, "TaxInclusiveAmount (BT-112)"),
            OptionalCents(sums.Element(Cbc + "PrepaidAmount")?.Value, "PrepaidAmount (BT-113)"),
            Cents(sums.Element(Cbc + "PayableAmount")?.Value, "PayableAmount (BT-115)"),
            (tax?.Elements(Cac + "TaxSubtotal") ?? []).Select(t => new VatSubtotal(
                Required(t.Element(Cac + "TaxCategory")?.Element(Cbc + "ID")?.Value, "TaxCategory/ID (BT-118)"),
                Rate(t.Element(Cac + "TaxCategory")?.Element(Cbc + "Percent")?.Value),
                Cents(t.Element(Cbc + "TaxableAmount")?.Value, "TaxableAmount (BT-116)"),
                Cents(t.Element(Cbc + "TaxAmount")?.Value, "TaxAmount (BT-117)"))).ToList(),
            Trimmed(root.Elements(Cac + "PaymentMeans").Select(m => m.Element(Cac + "PayeeFinancialAccount")?.Element(Cbc + "ID")?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))));
    }

    private static string? CiiSiren(XElement party) =>
        Siren(party.Element(Ram + "SpecifiedLegalOrganization")?.Element(Ram + "ID"), CiiVat(party));

    private static string? CiiVat(XElement party) =>
        Trimmed(party.Elements(Ram + "SpecifiedTaxRegistration").Select(r => r.Element(Ram + "ID")).FirstOrDefault(id => (string?)id?.Attribute("schemeID") == "VA")?.Value);

    private static string? UblSiren(XElement party) =>
        Siren(party.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "CompanyID"), Trimmed(party.Elements(Cac + "PartyTaxScheme").Select(s => s.Element(Cbc + "CompanyID")?.Value).FirstOrDefault()));

    /// <summary>The SIREN of a party: its legal registration (SIREN 0002 or SIRET 0009, nine or fourteen digits), else the key of its French VAT number (FRkk + SIREN).</summary>
    private static string? Siren(XElement? registration, string? vatNumber)
    {
        var id = Trimmed(registration?.Value)?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (id is { Length: 9 or 14 } && id.All(char.IsAsciiDigit))
        {
            return id[..9];
        }

        var vat = vatNumber?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return vat is { Length: 13 } && vat.StartsWith("FR", StringComparison.OrdinalIgnoreCase) && vat[4..].All(char.IsAsciiDigit) ? vat[4..] : null;
    }

    private static DateOnly? CiiDate(XElement? dateTime)
    {
        var text = Trimmed(dateTime?.Element(Udt + "DateTimeString")?.Value);
        return text is null ? null
            : DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new FormatException($"La date « {text} » n'est pas au format AAAAMMJJ (format 102).");
    }

    private static DateOnly? UblDate(string? text) =>
        Trimmed(text) is not { } day ? null
        : DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"La date « {day} » n'est pas au format AAAA-MM-JJ.");

    private static long OptionalCents(string? text, string term) => Trimmed(text) is null ? 0 : Cents(text, term);

    /// <summary>An amount in cents: at most two decimals (EN 16931 amounts), within ten billion euros.</summary>
    private static long Cents(string? text, string term)
    {
        var value = Required(text, term);
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || Math.Abs(amount) > Largest || decimal.Truncate(amount * 100) != amount * 100)
        {
            throw new FormatException($"Le montant « {value} » ({term}) n'est pas un montant en euros à deux décimales au plus.");
        }

        return (long)(amount * 100);
    }

    private static decimal Rate(string? text)
    {
        var value = Trimmed(text) ?? "0";
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate <= 100
            ? rate
            : throw new FormatException($"Le taux de TVA « {value} » n'est pas un pourcentage.");
    }

    private static string Required(string? text, string term) => Trimmed(text) ?? throw Missing(term);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FormatException Missing(string term) => new($"La facture ne dit pas {term} : elle n'est pas conforme à la norme EN 16931.");
}
