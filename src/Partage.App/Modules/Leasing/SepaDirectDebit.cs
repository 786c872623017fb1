using System.Globalization;
using System.Text;
using System.Xml;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

public sealed record SepaDebit(string EndToEndId, decimal Amount, string MandateId, DateOnly MandateSignedOn, bool First, string DebtorName, string DebtorIban, string Remittance);

public sealed record SepaDebitBatch(
    string MessageId, DateTime CreatedAt, DateOnly CollectionDate, string CreditorName, string CreditorCity, string CreditorCountry, string CreditorIban, string CreditorBic,
    string CreditorIdentifier, IReadOnlyList<SepaDebit> Debits);

/// <summary>
/// A SEPA Core direct debit initiation, ISO 20022 pain.008.001.08, as the EPC SDD Core rulebook and implementation
/// guidelines want it: one payment information block per sequence type (FRST for the first debit under a mandate, RCUR
/// for the next), service level SEPA, local instrument CORE, charges SLEV, the creditor identifier (ICS) in the creditor
/// scheme identification, the mandate's reference and signature date on each debit, the debtor's bank "NOTPROVIDED"
/// (IBAN only, allowed since 2016), structured creditor address, names and texts in the SEPA character set.
/// </summary>
public static class SepaDirectDebit
{
    private const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    public static byte[] Write(SepaDebitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrDrctDbtInitn");
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", Namespace, SepaText.Identifier(batch.MessageId));
            xml.WriteElementString("CreDtTm", Namespace, batch.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", Namespace, batch.Debits.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Namespace, SepaText.Amount(batch.Debits.Sum(d => d.Amount)));
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Namespace, SepaText.Latin(batch.CreditorName, 140));
            xml.WriteEndElement();
            xml.WriteEndElement();
            foreach (var group in batch.Debits.GroupBy(d => d.First).OrderByDescending(g => g.Key))
            {
                PaymentInformation(xml, batch, group.Key ? "FRST" : "RCUR", group.ToList());
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    // Long method: the payment information block element by element in the order of the pain.008.001.08 XSD, to be read against it.
    private static void PaymentInformation(XmlWriter xml, SepaDebitBatch batch, string sequence, IReadOnlyList<SepaDebit> debits)
    {
        xml.WriteStartElement("PmtInf");
        xml.WriteElementString("PmtInfId", Namespace, SepaText.Identifier($"{batch.MessageId}-{sequence}"));
        xml.WriteElementString("PmtMtd", Namespace, "DD");
        xml.WriteElementString("NbOfTxs", Namespace, debits.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("CtrlSum", Namespace, SepaText.Amount(debits.Sum(d => d.Amount)));
        xml.WriteStartElement("PmtTpInf");
        xml.WriteStartElement("SvcLvl");
        xml.WriteElementString("Cd", Namespace, "SEPA");
        xml.WriteEndElement();
        xml.WriteStartElement("LclInstrm");
        xml.WriteElementString("Cd", Namespace, "CORE");
        xml.WriteEndElement();
        xml.WriteElementString("SeqTp", Namespace, sequence);
        xml.WriteEndElement();
        xml.WriteElementString("ReqdColltnDt", Namespace, batch.CollectionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        SepaText.Initiator(xml, Namespace, "Cdtr", batch.CreditorName, batch.CreditorCity, batch.CreditorCountry, batch.CreditorIban, batch.CreditorBic);
        xml.WriteElementString("ChrgBr", Namespace, "SLEV");
        xml.WriteStartElement("CdtrSchmeId");
        xml.WriteStartElement("Id");
        xml.WriteStartElement("PrvtId");
        xml.WriteStartElement("Othr");
        xml.WriteElementString("Id", Namespace, batch.CreditorIdentifier);
        xml.WriteStartElement("SchmeNm");
        xml.WriteElementString("Prtry", Namespace, "SEPA");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var debit in debits)
        {
            Debit(xml, debit);
        }

        xml.WriteEndElement();
    }

    private static void Debit(XmlWriter xml, SepaDebit debit)
    {
        xml.WriteStartElement("DrctDbtTxInf");
        xml.WriteStartElement("PmtId");
        xml.WriteElementString("EndToEndId", Namespace, SepaText.Identifier(debit.EndToEndId));
        xml.WriteEndElement();
        xml.WriteStartElement("InstdAmt");
        xml.WriteAttributeString("Ccy", "EUR");
        xml.WriteString(SepaText.Amount(debit.Amount));
        xml.WriteEndElement();
        xml.WriteStartElement("DrctDbtTx");
        xml.WriteStartElement("MndtRltdInf");
        xml.WriteElementString("MndtId", Namespace, SepaText.Identifier(debit.MandateId));
        xml.WriteElementString("DtOfSgntr", Namespace, debit.MandateSignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("DbtrAgt");
        xml.WriteStartElement("FinInstnId");
        xml.WriteStartElement("Othr");
        xml.WriteElementString("Id", Namespace, "NOTPROVIDED");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("Dbtr");
        xml.WriteElementString("Nm", Namespace, SepaText.Latin(debit.DebtorName, 140));
        xml.WriteEndElement();
        SepaText.Account(xml, Namespace, "DbtrAcct", debit.DebtorIban);
        xml.WriteStartElement("RmtInf");
        xml.WriteElementString("Ustrd", Namespace, SepaText.Latin(debit.Remittance, 140));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
