using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace Partage.Tests.Invoicing;

/// <summary>
/// The project's own e-invoice check, over the official artefacts in tests/standards/factur-x
/// (sources and licences in its README): the Factur-X EN16931 XSD with xmllint; the CEN EN 16931
/// rules, the Factur-X profile rules and the French BR-FR rules with Saxon-HE (one JVM for the run,
/// <see cref="Schematron.SchematronHost"/>); for a PDF, the
/// embedded factur-x.xml, the PDF/A-3 and Factur-X XMP markers, the /AF and /AFRelationship
/// entries (qpdf) and embedded fonts (pdffonts). test.sh installs the tools.
/// </summary>
public static class EInvoiceValidator
{
    public sealed record Report(IReadOnlyList<string> Failures)
    {
        public bool Passed => Failures.Count == 0;

        public override string ToString() => string.Join(Environment.NewLine, Failures);
    }

    public static string StandardsFolder { get; } = Path.Combine(RepositoryRoot(), "tests", "standards", "factur-x");

    private static string Standards => StandardsFolder;
    public static async Task<Report> ValidateXmlAsync(string xml)
    {
        var failures = new List<string>();
        var xsd = Path.Combine(Standards, "fnfe-france-rfe-1.4.0.02", "Factur-X", "EN16931", "1xsd", "Factur-X_EN16931.xsd");
        var (code, output) = await RunAsync("xmllint", "--noout", "--schema", xsd, xml);
        if (code != 0)
        {
            failures.Add("XSD: " + output.Trim());
        }

        failures.AddRange(await SchematronAsync(xml, "CEN EN 16931", Path.Combine(Standards, "en16931-cen-1.3.16", "xslt", "EN16931-CII-validation.xslt"), onlyFlagged: true));
        failures.AddRange(await SchematronAsync(xml, "Factur-X EN16931", Path.Combine(Standards, "fnfe-france-rfe-1.4.0.02", "Factur-X", "EN16931", "2xslt", "FACTUR-X_EN16931.xslt"), onlyFlagged: false));
        failures.AddRange(await SchematronAsync(xml, "BR-FR", Path.Combine(Standards, "fnfe-france-rfe-1.4.0.02", "CII", "EN16931", "2xslt", "BR-FR-Flux2-Schematron-CII.xslt"), onlyFlagged: true));
        return new Report(failures);
    }

    public static async Task<Report> ValidatePdfAsync(string pdf)
    {
        var failures = new List<string>();
        var work = Directory.CreateTempSubdirectory("facturx-");
        try
        {
            var (_, list) = await RunAsync("pdfdetach", "-list", pdf);
            var line = list.Split('\n').FirstOrDefault(l => l.Contains("factur-x.xml", StringComparison.Ordinal));
            if (line is null)
            {
                return new Report(["PDF: no attachment named factur-x.xml"]);
            }

            var xml = Path.Combine(work.FullName, "factur-x.xml");
            await RunAsync("pdfdetach", "-save", line.Split(':')[0].Trim(), "-o", xml, pdf);
            var (_, meta) = await RunAsync("pdfinfo", "-meta", pdf);
            void Expect(bool ok, string message)
            {
                if (!ok)
                {
                    failures.Add("PDF: " + message);
                }
            }

            Expect(meta.Contains("<pdfaid:part>3</pdfaid:part>", StringComparison.Ordinal), "XMP does not declare PDF/A part 3");
            Expect(meta.Contains("<pdfaid:conformance>B</pdfaid:conformance>", StringComparison.Ordinal), "XMP does not declare conformance B");
            Expect(meta.Contains("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#", StringComparison.Ordinal), "XMP lacks the Factur-X namespace");
            Expect(meta.Contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>", StringComparison.Ordinal), "XMP fx:ConformanceLevel is not EN 16931");
            Expect(meta.Contains("pdfaExtension:schemas", StringComparison.Ordinal), "XMP lacks the PDF/A extension schema description");
            var (_, json) = await RunAsync("qpdf", "--json", "--json-key=qpdf", pdf);
            Expect(json.Contains("\"/AFRelationship\": \"/Alternative\"", StringComparison.Ordinal), "the attachment has no /AFRelationship /Alternative");
            Expect(json.Contains("\"/AF\"", StringComparison.Ordinal), "the catalog has no /AF array");
            Expect(json.Contains("\"/Subtype\": \"/text/xml\"", StringComparison.Ordinal), "the embedded file's /Subtype is not text/xml");
            Expect(json.Contains("\"/OutputIntents\"", StringComparison.Ordinal), "no output intent");
            var (_, fonts) = await RunAsync("pdffonts", pdf);
            var rows = fonts.Split('\n').Skip(2).Where(r => r.Trim().Length > 0).ToList();
            Expect(rows.Count > 0 && rows.All(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5] == "yes"), "a font is not embedded");
            var (_, version) = await RunAsync("pdfinfo", pdf);
            Expect(System.Text.RegularExpressions.Regex.IsMatch(version, @"PDF version:\s+1\.7"), "the PDF version is not 1.7");
            failures.AddRange((await ValidateXmlAsync(xml)).Failures);
            return new Report(failures);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A lifecycle message (CDAR D22B): the FNFE uncoupled XSD with xmllint, then the BR-FR-CDV rules (fatal and error asserts).</summary>
    public static async Task<Report> ValidateCdarAsync(string xml)
    {
        var failures = new List<string>();
        var cdar = Path.Combine(Standards, "fnfe-france-rfe-1.4.0.02", "CDAR");
        var (code, output) = await RunAsync("xmllint", "--noout", "--schema", Path.Combine(cdar, "1xsd-CDAR_D22B_uncoupled", "CrossDomainAcknowledgementAndResponse_100pD22B.xsd"), xml);
        if (code != 0)
        {
            failures.Add("XSD: " + output.Trim());
        }

        failures.AddRange(await SchematronAsync(xml, "BR-FR-CDV", Path.Combine(cdar, "2xslt", "BR-FR-CDV-Schematron-CDAR.xslt"), onlyFlagged: true));
        return new Report(failures);
    }

    /// <summary>
    /// An e-reporting file (PPF flux 10): the AIFE XSD with xmllint, then the PPF schematron v1.8 (all its asserts are fatal)
    /// with node-schematron — written for an XPath 2 binding that Saxon-HE could run only once compiled, and no compiler is served.
    /// </summary>
    public static async Task<Report> ValidateEReportAsync(string xml)
    {
        var failures = new List<string>();
        var folder = Path.Combine(Standards, "..", "e-reporting-ppf-flux10-v1.0");
        var (code, output) = await RunAsync("xmllint", "--noout", "--schema", Path.Combine(folder, "ereporting.xsd"), xml);
        if (code != 0)
        {
            failures.Add("XSD: " + output.Trim());
        }

        var (ran, lines) = await RunAsync("node", Path.Combine(Standards, "..", "..", "validators", "schematron.js"), Path.Combine(folder, "PPF_Flux10_v1.0.sch"), xml);
        if (ran != 0)
        {
            failures.Add("flux 10 schematron did not run: " + lines.Trim());
        }

        failures.AddRange(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("failed").GetBoolean())
            .Select(r => "flux 10: " + r.GetProperty("text").GetString()));
        return new Report(failures);
    }

    private static async Task<IEnumerable<string>> SchematronAsync(string xml, string name, string xslt, bool onlyFlagged)
    {
        var svrl = Path.GetTempFileName();
        try
        {
            if (await Schematron.SchematronHost.TransformAsync(xslt, xml, svrl) is { } error)
            {
                return [$"{name}: the schematron did not run: {error}"];
            }

            XNamespace ns = "http://purl.oclc.org/dsdl/svrl";
            return XDocument.Load(svrl).Descendants(ns + "failed-assert")
                .Where(f => (string?)f.Attribute("flag") is var flag && flag != "warning" && (!onlyFlagged || flag is "fatal" or "error"))
                .Select(f => $"{name}: {(string?)f.Attribute("id")} {string.Join(' ', f.Element(ns + "text")?.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [])} (at {(string?)f.Attribute("location")})")
                .ToList();
        }
        finally
        {
            File.Delete(svrl);
        }
    }

    internal static async Task<(int Code, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Partage.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Partage.slnx not found above the test binaries.");
    }
}
