using System.Globalization;
using Partage.App.Infrastructure.Pdf;

namespace Partage.App.Modules.Invoicing.FacturX;

/// <summary>
/// The Factur-X invoice: the readable invoice (every legal mention of a French invoice) as a
/// PDF/A-3B document carrying its CII XML as factur-x.xml, profile EN 16931.
/// </summary>
public static class FacturXPdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The Factur-X properties and their PDF/A extension schema description (Factur-X 1.0 specification).</summary>
    private const string XmpExtension = """
        <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
        <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
        <fx:DocumentType>INVOICE</fx:DocumentType>
        <fx:Version>1.0</fx:Version>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>name of the embedded XML invoice file</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>INVOICE</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the Factur-X XML schema</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded Factur-X data</pdfaProperty:description></rdf:li>
        </rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>
        """;

    /// <summary>The PDF of an issued document, dated by its issue date: the same document always gives the same file (archive, e-mail, download).</summary>
    public static byte[] Write(InvoiceDocument doc) => Write(doc, doc.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public static byte[] Write(InvoiceDocument doc, DateTime issuedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var title = doc.Kind == InvoiceKind.Invoice ? $"Facture n° {doc.Number}" : $"Avoir n° {doc.Number}";
        using var pdf = new PdfDocumentWriter(title, doc.Parties.Seller.Name);
        Heading(pdf, doc, title);
        Amounts(pdf, doc);
        pdf.Space();
        if (doc.Kind == InvoiceKind.Invoice)
        {
            pdf.Line($"Paiement par virement avant le {doc.DueDate:dd/MM/yyyy} — IBAN {doc.Options.Iban} — BIC {doc.Options.Bic}");
            pdf.Line($"Référence à indiquer sur le virement : {doc.PaymentReference}", strong: true);
        }

        pdf.Paragraph(doc.Options.LatePenaltyText);
        pdf.Paragraph(doc.Options.RecoveryIndemnityText);
        pdf.Paragraph(doc.Options.DiscountText);
        pdf.Paragraph("Facture électronique Factur-X (profil EN 16931) : les données structurées sont jointes à ce PDF (factur-x.xml).");

        using var output = new MemoryStream();
        pdf.SaveAsPdfA3(output, new PdfA3.Attachment("factur-x.xml", "text/xml", "Factur-X XML invoice", "Alternative", CiiWriter.Write(doc), issuedAtUtc), XmpExtension);
        return output.ToArray();
    }

    /// <summary>The title, the credited invoice, the dates and the parties.</summary>
    private static void Heading(PdfDocumentWriter pdf, InvoiceDocument doc, string title)
    {
        var (seller, buyer) = (doc.Parties.Seller, doc.Parties.Buyer);
        pdf.Title(title);
        if (doc.CreditedNumber is not null)
        {
            pdf.Line($"Annule la facture n° {doc.CreditedNumber} du {doc.CreditedIssueDate:dd/MM/yyyy}. Motif : {doc.PurchaseOrder}", strong: true);
        }

        pdf.Line($"Date d'émission : {doc.IssueDate:dd/MM/yyyy} — prestation du {doc.ServiceFrom:dd/MM/yyyy} au {doc.ServiceTo:dd/MM/yyyy} — opération : prestations de services");
        if (doc.Kind == InvoiceKind.Invoice)
        {
            pdf.Line($"Échéance : {doc.DueDate:dd/MM/yyyy}", strong: true);
        }

        pdf.Space();
        pdf.Line("Vendeur", strong: true);
        Party(pdf, seller);
        pdf.Space();
        pdf.Line("Client", strong: true);
        Party(pdf, buyer);
        if (doc.BuyerReference is not null)
        {
            pdf.Line($"Votre référence : {doc.BuyerReference}");
        }

        if (doc.PurchaseOrder is not null && doc.Kind == InvoiceKind.Invoice)
        {
            pdf.Line($"Bon de commande : {doc.PurchaseOrder}");
        }

    }

    /// <summary>The lines, the VAT breakdown with its legal mentions, and the totals.</summary>
    private static void Amounts(PdfDocumentWriter pdf, InvoiceDocument doc)
    {
        pdf.Space();
        pdf.Table(
            ["Désignation", "Quantité", "Unité", "Prix unitaire HT", "TVA", "Total HT"], [34, 9, 8, 14, 9, 12], new HashSet<int> { 1, 3, 4, 5 },
            doc.Lines.Select(l => (IReadOnlyList<string>)
            [
                l.Description, l.Quantity.ToString("0.####", French), InvoiceLabels.Unit(l.Unit), l.UnitPrice.ToString("#,##0.00##", French) + " €",
                l.Rule.Category == "S" ? l.Rule.RatePercent.ToString("0.##", French) + " %" : l.Rule.Category, l.Net.ToDisplayString(),
            ]));
        pdf.Space();
        pdf.Table(
            ["TVA", "Base HT", "Montant de TVA"], [40, 20, 20], new HashSet<int> { 1, 2 },
            doc.Totals.Breakdown.Select(b => (IReadOnlyList<string>)
                [b.Category switch { "S" => $"TVA {b.RatePercent.ToString("0.##", French)} %", "AE" => "Autoliquidation", "E" => "Débours, hors base (art. 267 II 2° CGI)", _ => "Hors UE (art. 259-1 CGI)" }, b.Basis.ToDisplayString(), b.Vat.ToDisplayString()]));
        foreach (var text in doc.Totals.Breakdown.Select(b => b.ExemptionText).OfType<string>().Distinct())
        {
            pdf.Paragraph(text);
        }

        pdf.Space();
        pdf.Line($"Total HT : {doc.Totals.Net.ToDisplayString()}", strong: true);
        pdf.Line($"Total TVA : {doc.Totals.Vat.ToDisplayString()}", strong: true);
        pdf.Line($"Total TTC {(doc.Kind == InvoiceKind.Invoice ? "à payer" : "en votre faveur")} : {doc.Totals.Gross.ToDisplayString()}", strong: true);
    }

    private static void Party(PdfDocumentWriter pdf, InvoiceParty party)
    {
        pdf.Line(party.LegalForm is null ? party.Name : $"{party.Name} — {party.LegalForm}");
        pdf.Line($"{party.Line1}{(party.Line2 is null ? "" : ", " + party.Line2)}, {party.PostalCode} {party.City} ({party.Country})");
        var ids = new List<string>();
        if (party.Siren is not null)
        {
            ids.Add($"SIREN {party.Siren}");
        }

        if (party.Siret is not null)
        {
            ids.Add($"SIRET {party.Siret}");
        }

        if (party.VatNumber is not null)
        {
            ids.Add($"TVA intracommunautaire {party.VatNumber}");
        }

        if (ids.Count > 0)
        {
            pdf.Line(string.Join(" — ", ids));
        }
    }
}
