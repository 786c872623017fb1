using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Pdf;

namespace Partage.App.Infrastructure.Pdf;

/// <summary>
/// What turns a PDFsharp document into a PDF/A-3B container with an associated file, done on
/// PDFsharp's object model because PDFsharp has no PDF/A-3 API: PDF 1.7, an sRGB output intent,
/// XMP metadata declaring part 3 conformance B (with any extension schema the caller adds), and
/// the file embedded with its /AFRelationship, listed in the catalog's /AF and /Names.
/// Fonts are embedded by <see cref="EmbeddedFontResolver"/>. See docs/adr/0006-factur-x.md for what
/// is verified of PDF/A-3 conformance and what is not.
/// </summary>
public static class PdfA3
{
    public sealed record Attachment(string FileName, string MimeType, string Description, string Relationship, byte[] Content, DateTime ModifiedUtc);

    /// <summary>What the XMP packet says besides what PDFsharp writes in the Info dictionary at save.</summary>
    public sealed record PendingMetadata(string Title, string Author, DateTime CreatedUtc, string Extension);

    /// <summary>Adds the PDF/A-3 structures; the XMP packet is put in place by <see cref="ReplaceMetadata"/> once saved.</summary>
    // Long method: the PDF/A-3 structures ISO 19005-3 requires, one after the other (output intent, embedded file and its AF link, catalogue entries), as veraPDF checks them.
    public static PendingMetadata Apply(PdfDocument document, Attachment file, string xmpExtension)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(file);
        document.Version = 17;
        var catalog = document.Internals.Catalog;

        var embedded = new PdfDictionary(document);
        embedded.Elements.SetName("/Type", "/EmbeddedFile");
        embedded.Elements.SetName("/Subtype", "/" + file.MimeType);
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", file.Content.Length);
        parameters.Elements.SetString("/ModDate", PdfDate(file.ModifiedUtc));
        embedded.Elements["/Params"] = parameters;
        embedded.CreateStream(file.Content);
        document.Internals.AddObject(embedded);

        var spec = new PdfDictionary(document);
        spec.Elements.SetName("/Type", "/Filespec");
        spec.Elements.SetString("/F", file.FileName);
        spec.Elements.SetString("/UF", file.FileName);
        spec.Elements.SetString("/Desc", file.Description);
        spec.Elements.SetName("/AFRelationship", "/" + file.Relationship);
        var ef = new PdfDictionary(document);
        ef.Elements.SetReference("/F", embedded);
        ef.Elements.SetReference("/UF", embedded);
        spec.Elements["/EF"] = ef;
        document.Internals.AddObject(spec);

        var associated = new PdfArray(document);
        associated.Elements.Add(spec.Reference!);
        catalog.Elements["/AF"] = associated;
        var names = new PdfArray(document);
        names.Elements.Add(new PdfString(file.FileName));
        names.Elements.Add(spec.Reference!);
        var embeddedFiles = new PdfDictionary(document);
        embeddedFiles.Elements["/Names"] = names;
        var nameTree = new PdfDictionary(document);
        nameTree.Elements["/EmbeddedFiles"] = embeddedFiles;
        catalog.Elements["/Names"] = nameTree;

        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(ColorProfile.Value);
        document.Internals.AddObject(profile);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        catalog.Elements["/OutputIntents"] = intents;

        // The document's dates are the attachment's (the invoice's issue), in the Info dictionary and the XMP alike.
        var created = file.ModifiedUtc;
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        return new PendingMetadata(document.Info.Title, document.Info.Author, created, xmpExtension);
    }

    /// <summary>
    /// PDFsharp 6.2 always writes its own XMP packet when it saves (without the PDF/A and
    /// Factur-X properties) and has no switch to stop it. So the saved file gets an incremental
    /// update (ISO 32000-1 §7.5.6): a new revision of that same metadata object holding our packet,
    /// its cross-reference section and a trailer pointing back to the previous one.
    /// </summary>
    public static void ReplaceMetadata(byte[] pdf, PendingMetadata pending, Stream output)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(output);
        int metadataObject;
        byte[] xmp;
        using (var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            metadataObject = read.Internals.Catalog.Elements.GetReference("/Metadata")?.ObjectNumber
                ?? throw new InvalidOperationException("The saved document has no metadata object to replace.");
            // PDF/A wants the XMP to agree with the Info dictionary: take what PDFsharp wrote there.
            xmp = Encoding.UTF8.GetBytes(Xmp(pending.Title, pending.Author, read.Info.Producer, read.Info.Creator, pending.CreatedUtc, pending.Extension));
        }

        var text = Encoding.Latin1.GetString(pdf);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var previous = long.Parse(text[(startXref + 9)..].Trim().Split('\n', '\r')[0], CultureInfo.InvariantCulture);
        var trailerAt = text.LastIndexOf("trailer", startXref, StringComparison.Ordinal);
        var open = text.IndexOf("<<", trailerAt, StringComparison.Ordinal);
        var close = text.LastIndexOf(">>", startXref, StringComparison.Ordinal);
        var trailer = System.Text.RegularExpressions.Regex.Replace(text[(open + 2)..close], @"/Prev\s+\d+", string.Empty);

        output.Write(pdf);
        var offset = pdf.Length;
        var head = Encoding.Latin1.GetBytes($"\n{metadataObject} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\n");
        output.Write(head);
        output.Write(xmp);
        output.Write(tail);
        var xref = offset + head.Length + xmp.Length + tail.Length;
        output.Write(Encoding.Latin1.GetBytes(
            $"xref\n0 1\n0000000000 65535 f\r\n{metadataObject} 1\n{offset + 1:D10} 00000 n\r\ntrailer\n<<{trailer} /Prev {previous}>>\nstartxref\n{xref}\n%%EOF\n"));
    }

    private static readonly Lazy<byte[]> ColorProfile = new(() =>
    {
        using var stream = typeof(PdfA3).Assembly.GetManifestResourceStream("Partage.App.Infrastructure.Pdf.Color.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB profile is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static string PdfDate(DateTime utc) => $"D:{utc.ToUniversalTime():yyyyMMddHHmmss}Z";

    private static string Xmp(string title, string author, string producer, string creator, DateTime createdUtc, string extension)
    {
        var date = createdUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>3</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{SecurityElement.Escape(title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>{SecurityElement.Escape(author)}</rdf:li></rdf:Seq></dc:creator>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>{date}</xmp:CreateDate>
            <xmp:ModifyDate>{date}</xmp:ModifyDate>
            <xmp:CreatorTool>{SecurityElement.Escape(creator)}</xmp:CreatorTool>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>{SecurityElement.Escape(producer)}</pdf:Producer>
            </rdf:Description>
            {extension}
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }
}
