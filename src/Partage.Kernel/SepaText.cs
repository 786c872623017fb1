using System.Globalization;
using System.Text;
using System.Xml;

namespace Partage.Kernel;

/// <summary>
/// What every SEPA message (wage transfers pain.001, direct debits pain.008) writes the same way, as the EPC
/// implementation guidelines want it: texts in the SEPA basic Latin character set, identifiers without leading, trailing
/// or double slashes, amounts with two decimals.
/// </summary>
public static class SepaText
{
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

    /// <summary>Identifiers never start or end with "/" nor contain "//" (EPC), at most 35 characters.</summary>
    public static string Identifier(string id)
    {
        var clean = Latin(id, 35).Replace("//", "/", StringComparison.Ordinal).Trim('/');
        return clean.Length == 0 ? "-" : clean;
    }

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Compact(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return iban.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>An account as both messages write it: the IBAN only, compact and in capitals.</summary>
    public static void Account(XmlWriter xml, string ns, string element, string iban)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", ns, Compact(iban));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// The party that initiates the message (the debtor of a transfer, the creditor of a direct debit), as both write it:
    /// its name, its structured address (town and country: unstructured addresses are refused from November 2026), its
    /// account and its bank's BIC.
    /// </summary>
    public static void Initiator(XmlWriter xml, string ns, string role, string name, string city, string country, string iban, string bic)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(role);
        xml.WriteStartElement(role);
        xml.WriteElementString("Nm", ns, Latin(name, 140));
        xml.WriteStartElement("PstlAdr");
        xml.WriteElementString("TwnNm", ns, Latin(city, 35));
        xml.WriteElementString("Ctry", ns, country);
        xml.WriteEndElement();
        xml.WriteEndElement();
        Account(xml, ns, role + "Acct", iban);
        xml.WriteStartElement(role + "Agt");
        xml.WriteStartElement("FinInstnId");
        xml.WriteElementString("BICFI", ns, bic);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
