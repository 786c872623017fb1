using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>Who reports and for when: the entity (SIREN, name), the platform's registration number, the period.</summary>
public sealed record EReportHeader(string ReportId, string Siren, string EntityName, string? VatNumber, string PlatformRegistration, DateOnly From, DateOnly To, DateTimeOffset At);

/// <summary>One VAT rate of an amount: its category (UNTDID 5305), rate, basis and VAT.</summary>
public sealed record ReportedRate(string Category, decimal RatePercent, Money Basis, Money Vat);

/// <summary>A sale to a business established abroad, reported one by one (flux 10.1).</summary>
public sealed record ReportedInvoice(
    string Number, DateOnly IssueDate, DateOnly DueDate, bool IsCreditNote, string? CreditedNumber, DateOnly? CreditedDate,
    string BuyerCountry, string BuyerId, bool BuyerInEu, string? BuyerVatNumber, Money Net, Money Vat, IReadOnlyList<ReportedRate> Rates);

/// <summary>The sales to private persons of one day and one category, aggregated (flux 10.3).</summary>
public sealed record DailySales(DateOnly Date, string CategoryCode, int Count, Money Net, Money Vat, IReadOnlyList<ReportedRate> Rates);

/// <summary>A payment collected on an invoice reported by e-reporting, split over its VAT rates (flux 10.2).</summary>
public sealed record ReportedPayment(string Number, DateOnly IssueDate, DateOnly Date, IReadOnlyList<(decimal RatePercent, Money Amount)> Amounts);

/// <summary>
/// The e-reporting files of the reform in the structure of the PPF's flux 10 (AIFE XSD v1.0 and
/// schematron v1.8): one file for the transactions (TB-2) — international B2B sales one by one,
/// sales to private persons aggregated per day and category — and one for the payments (TB-3), since
/// a transmission carries one report or the other (G6.29). The files are handed to the platform as
/// flows of syntax FRR.
/// </summary>
public static class EReport
{
    public const string Profile = "urn.cpro.gouv.fr:1p0:ereporting";

    public static byte[] Transactions(EReportHeader header, IReadOnlyList<ReportedInvoice> invoices, IReadOnlyList<DailySales> days) =>
        Save(new XElement("Report", Document(header),
            new XElement("TransactionsReport",
                Period(header),
                invoices.Select(i => Invoice(header, i)),
                days.Select(d => new XElement("Transactions",
                    new XElement("Date", Day(d.Date)),
                    new XElement("TransactionsCurrency", "EUR"),
                    new XElement("TaxDueDateTypeCode", "72"),
                    new XElement("CategoryCode", d.CategoryCode),
                    new XElement("TaxExclusiveAmount", Amount(d.Net)),
                    new XElement("TaxTotal", Amount(d.Vat)),
                    new XElement("TransactionsCount", d.Count),
                    d.Rates.Select(r => new XElement("TaxSubtotal",
                        new XElement("TaxPercent", Rate(r.RatePercent)), new XElement("TaxableAmount", Amount(r.Basis)), new XElement("TaxTotal", Amount(r.Vat)))))))));

    public static byte[] Payments(EReportHeader header, IReadOnlyList<ReportedPayment> payments) =>
        Save(new XElement("Report", Document(header),
            new XElement("PaymentsReport",
                Period(header),
                payments.Select(p => new XElement("Invoice",
                    new XElement("InvoiceID", p.Number),
                    new XElement("IssueDate", Day(p.IssueDate)),
                    new XElement("Payment",
                        new XElement("Date", Day(p.Date)),
                        p.Amounts.Select(a => new XElement("SubTotals",
                            new XElement("TaxPercent", Rate(a.RatePercent)), new XElement("CurrencyCode", "EUR"), new XElement("Amount", Amount(a.Amount))))))))));

    /// <summary>The transactions category of a VAT category: services subject to VAT (TPS1), or not subject (TNT1).</summary>
    public static string CategoryOf(string vatCategory) => vatCategory == "S" ? "TPS1" : "TNT1";

    private static XElement Document(EReportHeader h) =>
        new("ReportDocument",
            new XElement("Id", h.ReportId),
            new XElement("Name", $"E-reporting {h.Siren} {h.From:yyyy-MM}"),
            new XElement("IssueDateTime", new XElement("DateTimeString", h.At.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture))),
            new XElement("TypeCode", "IN"),
            new XElement("Sender", new XElement("Id", new XAttribute("schemeId", "0238"), h.PlatformRegistration), new XElement("Name", "Plateforme agréée"), new XElement("RoleCode", "WK")),
            new XElement("Issuer", new XElement("Id", new XAttribute("schemeId", "0002"), h.Siren), new XElement("Name", h.EntityName), new XElement("RoleCode", "SE")));

    private static XElement Period(EReportHeader h) =>
        new("ReportPeriod", new XElement("StartDate", Day(h.From)), new XElement("EndDate", Day(h.To)));

    private static XElement Invoice(EReportHeader h, ReportedInvoice i) =>
        new("Invoice",
            new XElement("ID", i.Number),
            new XElement("IssueDate", Day(i.IssueDate)),
            new XElement("TypeCode", i.IsCreditNote ? "381" : "380"),
            new XElement("CurrencyCode", "EUR"),
            i.IsCreditNote ? null : new XElement("DueDate", Day(i.DueDate)),
            new XElement("BusinessProcess", new XElement("ID", "S1"), new XElement("TypeID", Profile)),
            i.IsCreditNote ? new XElement("ReferencedDocument", new XElement("ID", i.CreditedNumber), new XElement("IssueDate", Day(i.CreditedDate!.Value))) : null,
            new XElement("Seller",
                new XElement("CompanyId", new XAttribute("schemeId", "0002"), h.Siren),
                new XElement("TaxRegistrationId", new XAttribute("qualifyingId", "VAT"), h.VatNumber),
                new XElement("PostalAddress", new XElement("CountryId", "FR"))),
            new XElement("Buyer",
                // 0223: a company of another EU country (its VAT number), 0227: outside the EU.
                new XElement("CompanyId", new XAttribute("schemeId", i.BuyerInEu ? "0223" : "0227"), i.BuyerId),
                i.BuyerVatNumber is null ? null : new XElement("TaxRegistrationId", new XAttribute("qualifyingId", "VAT"), i.BuyerVatNumber),
                new XElement("PostalAddress", new XElement("CountryId", i.BuyerCountry))),
            new XElement("MonetaryTotal",
                new XElement("TaxExclusiveAmount", Amount(i.Net)),
                new XElement("TaxAmount", new XAttribute("CurrencyCode", "EUR"), Amount(i.Vat))),
            i.Rates.Select(r => new XElement("TaxSubTotal",
                new XElement("TaxableAmount", Amount(r.Basis)),
                new XElement("TaxAmount", Amount(r.Vat)),
                new XElement("TaxCategory",
                    new XElement("Code", r.Category),
                    new XElement("Percent", Rate(r.RatePercent)),
                    // Only "E" must say why (G1.40): disbursements, art. 79 c) of the VAT directive (CGI art. 267 II 2°).
                    r.Category == "E" ? new XElement("TaxExemptionReason", "Débours (art. 267 II 2° du CGI)") : null,
                    r.Category == "E" ? new XElement("TaxExemptionReasonCode", "VATEX-EU-79-C") : null))));

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Rate(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    private static byte[] Save(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        }

        return stream.ToArray();
    }
}
