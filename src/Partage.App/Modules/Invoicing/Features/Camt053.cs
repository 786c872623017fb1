using System.Globalization;
using System.Xml;
using System.Xml.Linq;

using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record CamtCredit(int Position, string BankReference, DateOnly BookingDate, long AmountCents, string? DebtorName, string? CreditorReference, string? Remittance);

public sealed record CamtStatement(string Version, string MessageId, string StatementId, string Iban, IReadOnlyList<CamtCredit> Credits, int IgnoredEntries);

/// <summary>
/// Reads the booked credits of an ISO 20022 camt.053 bank-to-customer statement, versions
/// .001.02 and .001.08 (the element names used here are the same in both; where they differ — the
/// entry status, the debtor's name — both forms are read). One credit per transaction detail.
/// </summary>
public static class Camt053
{
    public static CamtStatement Read(Stream input)
    {
        var (document, version) = Load(input);
        XNamespace x = document.Root!.Name.Namespace;
        var statement = document.Root!.Element(x + "BkToCstmrStmt")?.Element(x + "Stmt") ?? throw Invalid("Le fichier ne contient pas de relevé (BkToCstmrStmt/Stmt).");
        var messageId = document.Root.Element(x + "BkToCstmrStmt")?.Element(x + "GrpHdr")?.Element(x + "MsgId")?.Value ?? string.Empty;
        var statementId = statement.Element(x + "Id")?.Value ?? throw Invalid("Le relevé n'a pas d'identifiant (Stmt/Id).");
        var iban = statement.Element(x + "Acct")?.Element(x + "Id")?.Element(x + "IBAN")?.Value ?? string.Empty;
        var credits = new List<CamtCredit>();
        var ignored = 0;
        var position = 0;
        foreach (var (entry, index) in statement.Elements(x + "Ntry").Select((e, i) => (e, i)))
        {
            var status = entry.Element(x + "Sts") is { } sts ? sts.Element(x + "Cd")?.Value ?? sts.Value : null;
            var amount = entry.Element(x + "Amt");
            if (entry.Element(x + "CdtDbtInd")?.Value != "CRDT" || status != "BOOK" || amount?.Attribute("Ccy")?.Value != "EUR")
            {
                ignored++;
                continue;
            }

            var booking = entry.Element(x + "BookgDt") is { } b ? Date(b.Element(x + "Dt")?.Value ?? b.Element(x + "DtTm")?.Value) : null;
            var reference = entry.Element(x + "AcctSvcrRef")?.Value ?? entry.Element(x + "NtryRef")?.Value ?? $"{statementId}/{index + 1}";
            var details = entry.Elements(x + "NtryDtls").Elements(x + "TxDtls").ToList();
            if (details.Count == 0)
            {
                credits.Add(new CamtCredit(++position, Text.Cut(reference, 35), booking ?? throw Invalid($"L'écriture {index + 1} n'a pas de date de comptabilisation."), Cents(amount.Value), null, null, null));
                continue;
            }

            foreach (var (tx, t) in details.Select((d, t) => (d, t)))
            {
                var txAmount = tx.Element(x + "Amt")?.Value ?? tx.Element(x + "AmtDtls")?.Element(x + "TxAmt")?.Element(x + "Amt")?.Value ?? (details.Count == 1 ? amount.Value : null)
                    ?? throw Invalid($"Le détail {t + 1} de l'écriture {index + 1} n'a pas de montant.");
                var debtor = tx.Element(x + "RltdPties")?.Element(x + "Dbtr") is { } d ? d.Element(x + "Nm")?.Value ?? d.Element(x + "Pty")?.Element(x + "Nm")?.Value : null;
                var remittance = tx.Element(x + "RmtInf");
                var rf = remittance?.Elements(x + "Strd").Elements(x + "CdtrRefInf").Elements(x + "Ref").Select(r => r.Value).FirstOrDefault();
                var text = string.Join(" ", remittance?.Elements(x + "Ustrd").Select(u => u.Value) ?? []);
                credits.Add(new CamtCredit(++position, Text.Cut(details.Count == 1 ? reference : $"{reference}/{t + 1}", 35),
                    booking ?? throw Invalid($"L'écriture {index + 1} n'a pas de date de comptabilisation."), Cents(txAmount), debtor is null ? null : Text.Cut(debtor, 140),
                    rf is null ? null : Text.Cut(rf.Replace(" ", string.Empty, StringComparison.Ordinal), 35), text.Length == 0 ? null : Text.Cut(text, 500)));
            }
        }

        return new CamtStatement(version, Text.Cut(messageId, 35), Text.Cut(statementId, 35), iban.Replace(" ", string.Empty, StringComparison.Ordinal), credits, ignored);
    }

    /// <summary>The XML and the camt.053 version its namespace names; anything else refused with a message the user understands.</summary>
    private static (XDocument Document, string Version) Load(Stream input)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(input, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw Invalid($"Le fichier n'est pas un XML lisible (ligne {e.LineNumber}).");
        }

        return (document, document.Root?.Name.Namespace.NamespaceName switch
        {
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" => "camt.053.001.02",
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" => "camt.053.001.08",
            _ => throw Invalid("Seuls les relevés ISO 20022 camt.053.001.02 et camt.053.001.08 sont acceptés."),
        });
    }

    private static long Cents(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount * 100 == decimal.Truncate(amount * 100)
            ? amount * 100 <= Kernel.Money.MaxCents
                ? (long)(amount * 100)
                : throw Invalid($"Montant hors limites dans le relevé : « {value} » (au plus {Kernel.Money.Max.ToDisplayString()} par opération) ; rien n'a été importé.")
            : throw Invalid($"Montant illisible dans le relevé : « {value} ».");

    private static DateOnly? Date(string? value) =>
        value is not null && DateOnly.TryParseExact(value.Length >= 10 ? value[..10] : value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;


    private static Kernel.InputValidationException Invalid(string message) => new(new Dictionary<string, string[]> { ["File"] = [message] });
}
