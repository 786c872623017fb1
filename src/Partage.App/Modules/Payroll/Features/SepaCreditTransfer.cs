using System.Globalization;
using System.Text;
using System.Xml;
using Partage.Kernel;

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
            xml.WriteElementString("MsgId", Namespace, SepaText.Identifier(batch.MessageId));
            xml.WriteElementString("CreDtTm", Namespace, batch.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", Namespace, batch.Transfers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Namespace, SepaText.Amount(total));
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Namespace, SepaText.Latin(batch.DebtorName, 140));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", Namespace, SepaText.Identifier(batch.MessageId + "-1"));
            xml.WriteElementString("PmtMtd", Namespace, "TRF");
            xml.WriteElementString("NbOfTxs", Namespace, batch.Transfers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Namespace, SepaText.Amount(total));
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
            SepaText.Initiator(xml, Namespace, "Dbtr", batch.DebtorName, batch.DebtorCity, batch.DebtorCountry, batch.DebtorIban, batch.DebtorBic);
            xml.WriteElementString("ChrgBr", Namespace, "SLEV");
            foreach (var transfer in batch.Transfers)
            {
                xml.WriteStartElement("CdtTrfTxInf");
                xml.WriteStartElement("PmtId");
                xml.WriteElementString("EndToEndId", Namespace, SepaText.Identifier(transfer.EndToEndId));
                xml.WriteEndElement();
                xml.WriteStartElement("Amt");
                xml.WriteStartElement("InstdAmt");
                xml.WriteAttributeString("Ccy", "EUR");
                xml.WriteString(SepaText.Amount(transfer.Amount));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("Cdtr");
                xml.WriteElementString("Nm", Namespace, SepaText.Latin(transfer.CreditorName, 140));
                xml.WriteEndElement();
                SepaText.Account(xml, Namespace, "CdtrAcct", transfer.CreditorIban);
                xml.WriteStartElement("Purp");
                xml.WriteElementString("Cd", Namespace, "SALA");
                xml.WriteEndElement();
                xml.WriteStartElement("RmtInf");
                xml.WriteElementString("Ustrd", Namespace, SepaText.Latin(transfer.Remittance, 140));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }
}
