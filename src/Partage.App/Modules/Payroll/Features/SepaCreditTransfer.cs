using System.Globalization;
using System.Text;
using System.Xml;

namespace Partage.App.Modules.Payroll.Features;

public sealed record SepaTransfer(string EndToEndId, decimal Amount, string CreditorName, string CreditorIban, string Remittance);

public sealed record SepaBatch(
    string MessageId, DateTime CreatedAt, DateOnly ExecutionDate, string DebtorName, string DebtorCity, string DebtorCountry, string DebtorIban, string DebtorBic,
    IReadOnlyList<SepaTransfer> Transfers);

/// <summary>
/// A SEPA credit transfer initiation, ISO 20022 pain.001.001.09, as the EPC SCT rulebook and
/// implementation guidelines want it: one payment information block, category purpose SALA,
/// service level SEPA, charges SLEV, amounts in EUR with two decimals, structured debtor address
/// (TwnNm and Ctry: unstructured addresses are refused from November 2026), names and texts in
/// the SEPA basic Latin character set.
/// </summary>
public static class SepaCreditTransfer
{
    private const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    // Long method: the pain.001.001.09 message element by element in the order of its XSD, to be read against it.
    public static byte[] Write(SepaBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var total = batch.Transfers.Sum(t => t.Amount);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", Namespace, Identifier(batch.MessageId));
            xml.WriteElementString("CreDtTm", Namespace, batch.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", Namespace, batch.Transfers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Namespace, Amount(total));
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Namespace, Latin(batch.DebtorName, 140));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", Namespace, Identifier(batch.MessageId + "-1"));
            xml.WriteElementString("PmtMtd", Namespace, "TRF");
            xml.WriteElementString("NbOfTxs", Namespace, batch.Transfers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Namespace, Amount(total));
            xml.WriteStartElement("PmtTpInf");
            xml.WriteStartElement("SvcLvl");
            xml.WriteElementString("Cd", Namespace, "SEPA");
            xml.WriteEndElement();
            xml.WriteStartElement("CtgyPurp");
            xml.WriteElementString("Cd", Namespace, "SALA");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("ReqdExctnDt");
            xml.WriteElementString("Dt", Namespace, batch.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("Dbtr");
            xml.WriteElementString("Nm", Namespace, Latin(batch.DebtorName, 140));
            xml.WriteStartElement("PstlAdr");
            xml.WriteElementString("TwnNm", Namespace, Latin(batch.DebtorCity, 35));
            xml.WriteElementString("Ctry", Namespace, batch.DebtorCountry);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Account(xml, "DbtrAcct", batch.DebtorIban);
            xml.WriteStartElement("DbtrAgt");
            xml.WriteStartElement("FinInstnId");
            xml.WriteElementString("BICFI", Namespace, batch.DebtorBic);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("ChrgBr", Namespace, "SLEV");
            foreach (var transfer in batch.Transfers)
            {
                xml.WriteStartElement("CdtTrfTxInf");
                xml.WriteStartElement("PmtId");
                xml.WriteElementString("EndToEndId", Namespace, Identifier(transfer.EndToEndId));
                xml.WriteEndElement();
                xml.WriteStartElement("Amt");
                xml.WriteStartElement("InstdAmt");
                xml.WriteAttributeString("Ccy", "EUR");
                xml.WriteString(Amount(transfer.Amount));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("Cdtr");
                xml.WriteElementString("Nm", Namespace, Latin(transfer.CreditorName, 140));
                xml.WriteEndElement();
                Account(xml, "CdtrAcct", transfer.CreditorIban);
                xml.WriteStartElement("Purp");
                xml.WriteElementString("Cd", Namespace, "SALA");
                xml.WriteEndElement();
                xml.WriteStartElement("RmtInf");
                xml.WriteElementString("Ustrd", Namespace, Latin(transfer.Remittance, 140));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>The SEPA basic Latin set (a-z A-Z 0-9 / - ? : ( ) . , ' + space): accents dropped, anything else becomes a space.</summary>
    public static string Latin(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || "/-?:().,'+ ".Contains(c, StringComparison.Ordinal) ? c : c switch { 'Æ' => 'A', 'æ' => 'a', 'Œ' => 'O', 'œ' => 'o', 'ß' => 's', _ => ' ' });
        }

        var latin = builder.ToString().Trim();
        return latin.Length > max ? latin[..max] : latin;
    }

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", Namespace, iban.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Identifiers never start or end with "/" nor contain "//" (EPC), at most 35 characters.</summary>
    private static string Identifier(string id)
    {
        var clean = Latin(id, 35).Replace("//", "/", StringComparison.Ordinal).Trim('/');
        return clean.Length == 0 ? "-" : clean;
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
