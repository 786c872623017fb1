using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partage.Kernel;
using Partage.Tests.Invoicing;

namespace Partage.Tests.Payroll;

/// <summary>
/// The project's own SEPA check: the ISO 20022 pain.001.001.09 schema with xmllint
/// (tests/standards/sepa), then the EPC rules a schema cannot express: IBAN check digits, the
/// SEPA character set, counts and control sums, amounts positive with two decimals.
/// </summary>
public static partial class SepaChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(string file)
    {
        var problems = new List<string>();
        var xsd = Path.Combine(EInvoiceValidator.RepositoryRoot(), "tests", "standards", "sepa", "pain.001.001.09.xsd");
        var (code, output) = await EInvoiceValidator.RunAsync("xmllint", "--noout", "--schema", xsd, file);
        if (code != 0)
        {
            problems.Add("XSD: " + output);
        }

        var document = XDocument.Load(file);
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
        foreach (var iban in document.Descendants(ns + "IBAN").Select(e => e.Value))
        {
            if (!Iban.TryParse(iban, out _, out var error))
            {
                problems.Add($"IBAN {iban}: {error}");
            }
        }

        foreach (var text in new[] { "Nm", "Ustrd", "EndToEndId", "MsgId", "PmtInfId" }.SelectMany(tag => document.Descendants(ns + tag)).Select(e => e.Value))
        {
            if (!SepaLatin().IsMatch(text) || text.StartsWith('/') || text.EndsWith('/') || text.Contains("//", StringComparison.Ordinal))
            {
                problems.Add($"outside the SEPA character set or slash rules: {text}");
            }
        }

        var amounts = document.Descendants(ns + "InstdAmt").Select(e => decimal.Parse(e.Value, CultureInfo.InvariantCulture)).ToList();
        var header = document.Descendants(ns + "GrpHdr").Single();
        if (int.Parse(header.Element(ns + "NbOfTxs")!.Value, CultureInfo.InvariantCulture) != amounts.Count)
        {
            problems.Add("GrpHdr/NbOfTxs does not count the transfers");
        }

        if (decimal.Parse(header.Element(ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture) != amounts.Sum())
        {
            problems.Add("GrpHdr/CtrlSum is not the sum of the transfers");
        }

        problems.AddRange(amounts.Where(a => a <= 0 || decimal.Truncate(a * 100) != a * 100).Select(a => $"amount {a}: not positive with two decimals"));
        return problems;
    }

    [GeneratedRegex(@"^[A-Za-z0-9/\-?:().,'+ ]*$")]
    private static partial Regex SepaLatin();
}
