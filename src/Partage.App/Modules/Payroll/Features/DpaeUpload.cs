using System.Globalization;
using System.Text;
using System.Xml;
using Partage.App.Infrastructure;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>An establishment's references the DPAE needs and the legal entity does not hold (configuration "Payroll:Establishments:CODE").</summary>
public sealed class EstablishmentOptions
{
    /// <summary>The establishment's number after the SIREN (NIC, 5 digits).</summary>
    public string? Nic { get; set; }

    public string? Ape { get; set; }

    /// <summary>The URSSAF the establishment reports to (3 characters, e.g. "317" for Nord - Pas-de-Calais).</summary>
    public string? UrssafCode { get; set; }

    public string? Phone { get; set; }

    /// <summary>The payroll service's address, the DSN's contact (S10.G00.02.004, S20.G00.07.003).</summary>
    public string? Email { get; set; }

    /// <summary>The AT/MP risk code of the establishment's CARSAT notice (S21.G00.40.040, 5 or 6 characters).</summary>
    public string? AtRiskCode { get; set; }

    /// <summary>The Congés Spectacles affiliation as the DSN writes it: "97" then the number and its key (S21.G00.40.022).</summary>
    public string? CongesSpectacles { get; set; }

    /// <summary>The SIRET of the URSSAF the establishment pays: the reference of its own contributions (S21.G00.82.005), e.g. the apprenticeship tax balance.</summary>
    public string? UrssafSiret { get; set; }

    /// <summary>The settings a monthly DSN needs, named as configured, that are missing or malformed; empty when all are set.</summary>
    public IReadOnlyList<string> MissingForDsn() =>
        new (string Name, bool Set)[]
        {
            ("Nic", Nic is { Length: 5 }), ("Ape", !string.IsNullOrWhiteSpace(Ape)), ("UrssafCode", !string.IsNullOrWhiteSpace(UrssafCode)), ("Phone", !string.IsNullOrWhiteSpace(Phone)),
            ("Email", !string.IsNullOrWhiteSpace(Email)), ("AtRiskCode", AtRiskCode is { Length: 5 or 6 }), ("CongesSpectacles", CongesSpectacles?.StartsWith("97", StringComparison.Ordinal) == true),
        }.Where(s => !s.Set).Select(s => s.Name).ToList();

    /// <summary>Whether every reference a declaration needs is set.</summary>
    public bool IsComplete => Nic is { Length: 5 } && !string.IsNullOrWhiteSpace(Ape) && !string.IsNullOrWhiteSpace(UrssafCode) && !string.IsNullOrWhiteSpace(Phone);
}

/// <summary>One hire as the DPAE declares it.</summary>
public sealed record DpaeDeclaration(
    string Contract, string Siret, string EmployerName, string Ape, string UrssafCode, string Street, string PostalCode, string City, string Phone,
    string LastName, string FirstName, Nir Nir, DateOnly BirthDate, string NatureCode, DateOnly Start, TimeOnly StartTime, DateOnly End, int TrialDays,
    string HealthService, DateTime? RecordedAt)
{
    /// <summary>The town of birth (FR_Birth.Town.Text) when the person's record holds it.</summary>
    public string? BirthTown { get; init; }
}

/// <summary>
/// The DPAE upload message (FR_DUE_Upload of the repXML norm, ISO-8859-1) that URSSAF takes by
/// file deposit or through its DPAE API, up to 100 declarations per file. The element names and
/// their order follow public implementations of the URSSAF DPAE API; the official XSD and
/// implementation guide were not available here (docs/payroll.md).
/// </summary>
public static class DpaeUpload
{
    public const int MaxDeclarations = 100;

    /// <summary>1 marks a test deposit (checked by URSSAF, nothing recorded), 120 a real declaration.</summary>
    // Long method: the deposit's fields in the order of URSSAF's DPAE file specification, to be read against it field by field.
    public static void Write(IReadOnlyList<DpaeDeclaration> declarations, bool test, Stream output)
    {
        if (declarations.Count is 0 or > MaxDeclarations)
        {
            throw new ArgumentOutOfRangeException(nameof(declarations), "A DPAE file carries 1 to 100 declarations.");
        }

        const string Organization = "http://www.repxml.org/Organization";
        const string PostalAddress = "http://www.repxml.org/PostalAddress";
        const string Person = "http://www.repxml.org/Person_Identity";
        const string Phone = "http://www.repxml.org/PhoneAddress";
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.Latin1, Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("FR_DUE_Upload");
        xml.WriteAttributeString("xmlns", "cct", null, "urn:oasis:names:tc:ubl:CoreComponentTypes:1.0:0.70");
        xml.WriteAttributeString("xmlns", "rxdt", null, "http://www.repxml.org/DataTypes");
        xml.WriteAttributeString("xmlns", "rxorg", null, Organization);
        xml.WriteAttributeString("xmlns", "rxpadr", null, PostalAddress);
        xml.WriteAttributeString("xmlns", "rxpers", null, Person);
        xml.WriteAttributeString("xmlns", "rxphadr", null, Phone);
        xml.WriteElementString("FR_DUE_Upload.Test.Indicator", test ? "1" : "120");
        foreach (var d in declarations)
        {
            xml.WriteStartElement("FR_DuesGroup");
            xml.WriteStartElement("FR_Employer");
            xml.WriteStartElement("FR_EmployerIdentity");
            xml.WriteElementString("FR_Organization.SIRET.Identifier", Organization, d.Siret);
            xml.WriteElementString("FR_Organization.Designation.Text", Organization, Field(d.EmployerName, upper: false));
            xml.WriteElementString("FR_Organization.APE.Code", Organization, d.Ape);
            xml.WriteEndElement();
            xml.WriteElementString("FR_Employer.URSSAF.Code", d.UrssafCode);
            xml.WriteStartElement("FR_EmployerAddress");
            xml.WriteElementString("FR_PostalAddress.StreetDesignation.Text", PostalAddress, Field(d.Street, upper: false));
            xml.WriteElementString("FR_PostalAddress.Town.Text", PostalAddress, Field(d.City, upper: false));
            xml.WriteElementString("FR_PostalAddress.Postal.Code", PostalAddress, d.PostalCode);
            xml.WriteEndElement();
            xml.WriteStartElement("FR_EmployerContact");
            xml.WriteStartElement("FR_PhoneNumber");
            xml.WriteElementString("FR_PhoneAddress.PhoneNumber.Text", Phone, d.Phone);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("FR_EmployeeGroup");
            xml.WriteStartElement("FR_Employee");
            xml.WriteStartElement("FR_EmployeeIdentity");
            xml.WriteElementString("FR_PersonIdentity.Surname.Text", Person, Field(d.LastName, upper: true));
            xml.WriteElementString("FR_PersonIdentity.ChristianName.Text", Person, Field(d.FirstName, upper: true));
            xml.WriteElementString("FR_PersonIdentity.Sex.Code", Person, d.Nir.SexDigit is 1 or 3 or 7 ? "1" : "2");
            xml.WriteStartElement("FR_NNI", Person);
            xml.WriteElementString("FR_NNI.NIR.Identifier", Person, d.Nir.Value[..13]);
            xml.WriteElementString("FR_NNI.NIRKey.Text", Person, d.Nir.Value[13..]);
            xml.WriteEndElement();
            xml.WriteStartElement("FR_Birth", Person);
            xml.WriteElementString("FR_Birth.Date", Person, d.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (!string.IsNullOrWhiteSpace(d.BirthTown))
            {
                xml.WriteElementString("FR_Birth.Town.Text", Person, Field(Latin1Text.Fold(d.BirthTown), upper: true));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("FR_EmployeeComplement");
            xml.WriteElementString("FR_EmployeeComplement.Birth_Department.Code", d.Nir.Value.Substring(5, 2));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("FR_Contract");
            xml.WriteElementString("FR_Contract.StartContract.Date", d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteElementString("FR_Contract.StartContract.Time", d.StartTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("FR_Contract.EndContract.Date", d.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // The DPAE knows CDI, CDD and CTT: a CDD d'usage is declared as a CDD.
            xml.WriteElementString("FR_Contract.Nature.Code", d.NatureCode == "CDDU" ? "CDD" : d.NatureCode);
            xml.WriteElementString("FR_Contract.HealthService.Text", Field(d.HealthService, upper: false));
            xml.WriteElementString("FR_Contract.TrialTime.Text", d.TrialDays.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteElementString("FR_EmployeeGroup.Comment.Text", d.Contract);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Text fields are at most 32 characters; names in capitals without accents, as the norm's character set asks.</summary>
    private static string Field(string value, bool upper)
    {
        if (upper)
        {
            var plain = new StringBuilder();
            foreach (var c in value.Normalize(NormalizationForm.FormD).ToUpperInvariant())
            {
                if (c is (>= 'A' and <= 'Z') or ' ' or '\'' or '-' or '.')
                {
                    plain.Append(c);
                }
            }

            value = plain.ToString();
        }

        return value.Length > 32 ? value[..32] : value;
    }
}
