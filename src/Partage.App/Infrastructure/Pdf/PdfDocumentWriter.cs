using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Partage.App.Infrastructure.Pdf;

/// <summary>Serves the embedded DejaVu fonts to PDFsharp, so that PDFs look the same and embed their fonts on any machine.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Partage.App.Infrastructure.Pdf.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// A plain A4 document of titled sections and tables that flows onto new pages, with a footer
/// (title, page number). Enough for statements and reports; legal documents get their own layout.
/// </summary>
public sealed class PdfDocumentWriter : IDisposable
{
    private const double Margin = 42;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly PdfDocument document = new();
    private readonly string footer;
    private readonly XFont title;
    private readonly XFont body;
    private readonly XFont bold;
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;

    public PdfDocumentWriter(string documentTitle, string author)
    {
        EmbeddedFontResolver.EnsureRegistered();
        footer = documentTitle;
        document.Info.Title = documentTitle;
        document.Info.Author = author;
        // Unicode encoding: French amounts use narrow no-break spaces, outside WinAnsi.
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        title = new XFont(EmbeddedFontResolver.Family, 15, XFontStyleEx.Bold, unicode);
        body = new XFont(EmbeddedFontResolver.Family, 8.5, XFontStyleEx.Regular, unicode);
        bold = new XFont(EmbeddedFontResolver.Family, 8.5, XFontStyleEx.Bold, unicode);
        NewPage();
    }

    private double Width => page!.Width.Point - 2 * Margin;

    public void Title(string text)
    {
        Ensure(30);
        graphics!.DrawString(text, title, XBrushes.Black, new XPoint(Margin, y + 15));
        y += 26;
    }

    /// <summary>A line of text; longer than the page, it wraps at word boundaries (nothing is ever cut).</summary>
    public void Line(string text, bool strong = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = strong ? bold : body;
        foreach (var line in Wrap(text, font, Width))
        {
            Ensure(14);
            graphics!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y + 10));
            y += 13;
        }
    }

    /// <summary>Text wrapped at word boundaries to the page width.</summary>
    public void Paragraph(string text) => Line(text);

    public void Space(double points = 8) => y += points;

    /// <summary>The number of the page being written (1 for the first).</summary>
    public int Page => document.PageCount;

    /// <summary>A picture (PNG, JPEG) across the page's width at most, <paramref name="height"/> points high, its proportions kept.</summary>
    public void Image(byte[] picture, double height)
    {
        ArgumentNullException.ThrowIfNull(picture);
        Ensure(height + 6);
        using var stream = new MemoryStream(picture);
        using var image = XImage.FromStream(stream);
        var width = Math.Min(Width, height * image.PixelWidth / image.PixelHeight);
        graphics!.DrawImage(image, Margin, y, width, height);
        y += height + 6;
    }

    /// <summary>What follows starts on a new page.</summary>
    public void PageBreak() => NewPage();

    /// <summary>A table: relative column widths, right-aligned columns, a header repeated on each page.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IReadOnlySet<int> rightAligned, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(rightAligned);
        ArgumentNullException.ThrowIfNull(rows);
        var total = widths.Sum();
        // A row is as tall as its longest cell once wrapped to its column: a label is never cut.
        void Row(IReadOnlyList<string> cells, XFont font, bool shaded, bool headerAfterBreak)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, (Width * widths[i] / total) - 6)).ToList();
            var height = 13 + (11 * (wrapped.Max(w => w.Count) - 1));
            if (y + height + 1 > page!.Height.Point - Margin - 16)
            {
                NewPage();
                if (headerAfterBreak)
                {
                    Row(headers, bold, shaded: true, headerAfterBreak: false);
                }
            }

            if (shaded)
            {
                graphics!.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 241, 245)), Margin, y, Width, height);
            }

            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var w = Width * widths[i] / total;
                var format = rightAligned.Contains(i) ? XStringFormats.TopRight : XStringFormats.TopLeft;
                for (var n = 0; n < wrapped[i].Count; n++)
                {
                    graphics!.DrawString(wrapped[i][n], font, XBrushes.Black, new XRect(x + 3, y + 2 + (11 * n), w - 6, 12), format);
                }

                x += w;
            }

            y += height;
        }

        Row(headers, bold, shaded: true, headerAfterBreak: false);
        foreach (var cells in rows)
        {
            Row(cells, body, shaded: false, headerAfterBreak: true);
        }
    }

    public void Save(Stream output)
    {
        DrawFooter();
        document.Save(output, closeStream: false);
    }

    /// <summary>Saves as PDF/A-3B with <paramref name="attachment"/> embedded (Factur-X): see <see cref="PdfA3"/>.</summary>
    public void SaveAsPdfA3(Stream output, PdfA3.Attachment attachment, string xmpExtension)
    {
        DrawFooter();
        var xmp = PdfA3.Apply(document, attachment, xmpExtension);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        PdfA3.ReplaceMetadata(saved.ToArray(), xmp, output);
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    /// <summary>The text in lines no wider than <paramref name="width"/>: broken between words, a word longer than the width between its letters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (graphics!.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && graphics.MeasureString(line, font).Width > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && graphics.MeasureString(line[..cut], font).Width > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
        return lines;
    }

    private void Ensure(double height)
    {
        if (y + height > page!.Height.Point - Margin - 16)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        if (graphics is not null)
        {
            DrawFooter();
            graphics.Dispose();
        }

        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void DrawFooter() =>
        graphics!.DrawString($"{footer} — page {document.PageCount.ToString(French)}", body, XBrushes.Gray,
            new XRect(Margin, page!.Height.Point - Margin + 4, Width, 12), XStringFormats.TopRight);
}
