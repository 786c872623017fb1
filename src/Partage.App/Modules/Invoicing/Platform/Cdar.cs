using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>An amount collected at one VAT rate (a "MEN" characteristic of the status "encaissée").</summary>
public sealed record CollectedAmount(Money Amount, decimal VatRatePercent);

/// <summary>One invoice status as a CDAR message carries it.</summary>
public sealed record CdarStatus(
    string InvoiceNumber, DateOnly? InvoiceDate, int Code, DateTimeOffset At, string? SellerSiren, string? ReasonCode, string? Reason, string? SenderRole,
    IReadOnlyList<CollectedAmount> Collected);

/// <summary>
/// The parties of a status Partage gives: the seller and the buyer, and the addressing identifier of the one that
/// receives it (the client when the entity sells, the supplier when the entity buys).
/// </summary>
public sealed record CdarParties(string SellerSiren, string SellerName, string BuyerSiren, string BuyerName, string RecipientAddress);

/// <summary>
/// Invoice lifecycle messages: UN/CEFACT Cross Domain Acknowledgement And Response D22B under the
/// French CDV profile (guideline <c>urn.cpro.gouv.fr:1p0:CDV:invoice</c>), as the FNFE XSD and the
/// BR-FR-CDV schematron (v1.4.0) define them. Partage writes the statuses it gives — as seller, 212
/// encaissée with the amount collected per VAT rate as BR-FR-CDV-14 asks; as buyer of a supplier's
/// invoice, approuvée, en litige, refusée or paiement transmis (sender role BY) — and reads the
/// statuses the platform and the client give.
/// </summary>
public static class Cdar
{
    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    public const string Guideline = "urn.cpro.gouv.fr:1p0:CDV:invoice";

    /// <summary>A status the seller gives (sender role SE) or the buyer gives (BY), as the XML file handed to the platform.</summary>
    public static byte[] Write(CdarStatus status, CdarParties parties, string messageId)
    {
        var byBuyer = status.SenderRole == "BY";
        var at = status.At.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var documentStatus = new XElement(Ram + "SpecifiedDocumentStatus",
            status.ReasonCode is null ? null : new XElement(Ram + "ReasonCode", status.ReasonCode),
            status.Reason is null ? null : new XElement(Ram + "Reason", status.Reason),
            new XElement(Ram + "SequenceNumeric", 1),
            status.Collected.Select(c => new XElement(Ram + "SpecifiedDocumentCharacteristic",
                new XElement(Ram + "TypeCode", "MEN"),
                new XElement(Ram + "ValueAmount", new XAttribute("currencyID", "EUR"), c.Amount.Amount.ToString("0.00", CultureInfo.InvariantCulture)),
                new XElement(Ram + "ValuePercent", c.VatRatePercent.ToString("0.##", CultureInfo.InvariantCulture)))));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Rsm + "CrossDomainAcknowledgementAndResponse",
                new XAttribute(XNamespace.Xmlns + "rsm", Rsm), new XAttribute(XNamespace.Xmlns + "ram", Ram),
                new XAttribute(XNamespace.Xmlns + "udt", Udt), new XAttribute(XNamespace.Xmlns + "qdt", Qdt),
                new XElement(Rsm + "ExchangedDocumentContext",
                    new XElement(Ram + "BusinessProcessSpecifiedDocumentContextParameter", new XElement(Ram + "ID", "REGULATED")),
                    new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", new XElement(Ram + "ID", Guideline))),
                new XElement(Rsm + "ExchangedDocument",
                    new XElement(Ram + "ID", messageId),
                    new XElement(Ram + "Name", $"CDV-{status.Code}"),
                    DateTime(Udt, at, "204"),
                    new XElement(Ram + "SenderTradeParty", new XElement(Ram + "RoleCode", byBuyer ? "BY" : "SE")),
                    byBuyer
                        ? Party("IssuerTradeParty", parties.BuyerSiren, parties.BuyerName, "BY", null)
                        : Party("IssuerTradeParty", parties.SellerSiren, parties.SellerName, "SE", null),
                    byBuyer
                        ? Party("RecipientTradeParty", parties.SellerSiren, parties.SellerName, "SE", parties.RecipientAddress)
                        : Party("RecipientTradeParty", parties.BuyerSiren, parties.BuyerName, "BY", parties.RecipientAddress)),
                new XElement(Rsm + "AcknowledgementDocument",
                    new XElement(Ram + "MultipleReferencesIndicator", new XElement(Udt + "Indicator", "false")),
                    new XElement(Ram + "TypeCode", "23"),
                    DateTime(Udt, at, "204"),
                    new XElement(Ram + "ReferenceReferencedDocument",
                        new XElement(Ram + "IssuerAssignedID", status.InvoiceNumber),
                        new XElement(Ram + "TypeCode", "380"),
                        status.InvoiceDate is { } day
                            ? new XElement(Ram + "FormattedIssueDateTime", new XElement(Qdt + "DateTimeString", new XAttribute("format", "102"), day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))
                            : null,
                        new XElement(Ram + "ProcessConditionCode", status.Code),
                        Party("IssuerTradeParty", parties.SellerSiren, null, "SE", null),
                        documentStatus))));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The statuses a CDAR file carries; a file that is not CDAR, or a status without an invoice or a three-digit code, is refused in words.</summary>
    public static IReadOnlyList<CdarStatus> Read(byte[] file)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(file);
            document = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        }
        catch (XmlException e)
        {
            throw new FormatException($"Le message de statut n'est pas un XML lisible ({e.Message}).", e);
        }

        var root = document.Root;
        if (root is null || root.Name != Rsm + "CrossDomainAcknowledgementAndResponse")
        {
            throw new FormatException("Le message de statut n'est pas un CDAR (CrossDomainAcknowledgementAndResponse).");
        }

        var exchanged = root.Element(Rsm + "ExchangedDocument");
        var sent = ParseTimestamp(exchanged?.Element(Ram + "IssueDateTime")?.Element(Udt + "DateTimeString")?.Value);
        var senderRole = exchanged?.Element(Ram + "SenderTradeParty")?.Element(Ram + "RoleCode")?.Value.Trim();
        var statuses = new List<CdarStatus>();
        foreach (var reference in root.Elements(Rsm + "AcknowledgementDocument").Elements(Ram + "ReferenceReferencedDocument"))
        {
            var number = reference.Element(Ram + "IssuerAssignedID")?.Value.Trim();
            var codeText = reference.Element(Ram + "ProcessConditionCode")?.Value.Trim();
            if (string.IsNullOrEmpty(number) || codeText is not { Length: 3 } || !int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException("Un statut du message ne dit pas quelle facture il vise ou quel est son code (IssuerAssignedID, ProcessConditionCode).");
            }

            var detail = reference.Element(Ram + "SpecifiedDocumentStatus");
            var date = reference.Element(Ram + "FormattedIssueDateTime")?.Element(Qdt + "DateTimeString")?.Value.Trim();
            statuses.Add(new CdarStatus(
                number,
                date is { Length: 8 } && DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
                code,
                sent ?? DateTimeOffset.MinValue,
                reference.Element(Ram + "IssuerTradeParty")?.Element(Ram + "GlobalID")?.Value.Trim(),
                Cut(detail?.Element(Ram + "ReasonCode")?.Value, 60),
                Cut(detail?.Element(Ram + "Reason")?.Value, 400),
                senderRole,
                []));
        }

        return statuses.Count > 0 ? statuses : throw new FormatException("Le message de statut ne vise aucune facture.");
    }

    private static XElement DateTime(XNamespace ns, string value, string format) =>
        new(Ram + "IssueDateTime", new XElement(ns + "DateTimeString", new XAttribute("format", format), value));

    private static XElement Party(string element, string siren, string? name, string role, string? address) =>
        new(Ram + element,
            new XElement(Ram + "GlobalID", new XAttribute("schemeID", "0002"), siren),
            name is null ? null : new XElement(Ram + "Name", name),
            new XElement(Ram + "RoleCode", role),
            address is null ? null : new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "0225"), address)));

    private static DateTimeOffset? ParseTimestamp(string? text) =>
        text is { Length: 14 } && System.DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    private static string? Cut(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > length ? t[..length] : text.Trim();
}
