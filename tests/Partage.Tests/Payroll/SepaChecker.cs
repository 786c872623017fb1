using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partage.Kernel;
using Partage.Tests.Invoicing;

namespace Partage.Tests.Payroll;

/// <summary>
/// The project's own SEPA check: the ISO 20022 schema of the message with xmllint — pain.001.001.09 (credit transfers) or
/// pain.008.001.08 (direct debits), both in tests/standards/sepa —, then the EPC rules a schema cannot express: IBAN
/// check digits, the SEPA character set, counts and control sums, amounts positive with two decimals, and for a direct
/// debit a creditor identifier with valid check digits and a mandate reference on every debit.
/// </summary>
public static partial class SepaChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(string file)
    {
        var problems = new List<string>();
        var document = XDocument.Load(file);
        XNamespace ns = document.Root!.Name.Namespace;
        var message = ns.NamespaceName[(ns.NamespaceName.LastIndexOf(':') + 1)..];
        if (message is not ("pain.001.001.09" or "pain.008.001.08"))
        {
            return [$"namespace {ns.NamespaceName}: neither pain.001.001.09 nor pain.008.001.08"];
        }

        var xsd = Path.Combine(EInvoiceValidator.RepositoryRoot(), "tests", "standards", "sepa", message + ".xsd");
        var (code, output) = await EInvoiceValidator.RunAsync("xmllint", "--noout", "--schema", xsd, file);
        if (code != 0)
        {
            problems.Add("XSD: " + output);
        }

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

        if (message == "pain.008.001.08")
        {
            problems.AddRange(DirectDebitProblems(document, ns));
        }

        problems.AddRange(amounts.Where(a => a <= 0 || decimal.Truncate(a * 100) != a * 100).Select(a => $"amount {a}: not positive with two decimals"));
        return problems;
    }

    /// <summary>The creditor identifier (ICS: country, check digits mod 97 over the national part and the country, "ZZZ" business code) and each debit's mandate.</summary>
    private static IEnumerable<string> DirectDebitProblems(XDocument document, XNamespace ns)
    {
        foreach (var ics in document.Descendants(ns + "CdtrSchmeId").Descendants(ns + "Id").Where(e => !e.HasElements).Select(e => e.Value))
        {
            var national = ics[7..];
            var digits = string.Concat((national + ics[..2] + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (char.ToUpperInvariant(c) - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
            var check = 98 - (int)(System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
            if (ics.Length < 8 || ics[2..4] != check.ToString("00", CultureInfo.InvariantCulture))
            {
                yield return $"creditor identifier {ics}: wrong check digits";
            }
        }

        foreach (var debit in document.Descendants(ns + "DrctDbtTxInf"))
        {
            if (string.IsNullOrWhiteSpace(debit.Descendants(ns + "MndtId").SingleOrDefault()?.Value) || debit.Descendants(ns + "DtOfSgntr").SingleOrDefault() is null)
            {
                yield return "a debit without its mandate reference and signature date";
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9/\-?:().,'+ ]*$")]
    private static partial Regex SepaLatin();
}
