using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Tests.Clients;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;
using Partage.Kernel;

namespace Partage.Tests.Invoicing;

/// <summary>
/// Every kind of issued document — French business, EU business (reverse charge), business outside
/// the EU, private person, credit note — as CII XML and Factur-X PDF, checked with the official
/// artefacts copied under tests/standards (see <see cref="EInvoiceValidator"/>).
/// </summary>
public class FacturXTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    public static TheoryData<string> Cases() => ["france", "ue", "hors-ue", "particulier", "avoir"];

    private async Task<(InvoiceDocument Document, InvoiceId Id)> IssueAsync(string kind)
    {
        var world = await OpenAsync(factory);
        var input = kind switch
        {
            "ue" => ClientTests.FrenchCompany(string.Empty, "Kunsthaus Köln GmbH") with
            {
                Country = "DE", Siren = null, Siret = null, VatNumber = $"DE{Random.Shared.Next(100_000_000, 999_999_999)}", PostalCode = "50667", City = "Köln",
            },
            "hors-ue" => ClientTests.FrenchCompany(string.Empty, "Festival de Genève SA") with { Country = "CH", Siren = null, Siret = null, PostalCode = "1204", City = "Genève" },
            "particulier" => ClientTests.FrenchCompany(string.Empty, "Camille Durand") with { Kind = "Person", LegalForm = null, Siren = null, Siret = null, BillingEmail = "camille.durand@exemple.fr" },
            _ => ClientTests.FrenchCompany(TestIdentifiers.Siren()),
        };
        var client = await Sales.ClientAsync(factory, input);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id,
            ("Concert « Nuit blanche » & répétition", "1", "C62", "1450", "FR_2_1"), ("Régie son", "7.5", "HUR", "42.5", null)));
        if (kind == "avoir")
        {
            issued = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(issued.Id, "Concert annulé", Actor.System));
        }

        var document = await factory.InScopeAsync(s => s.GetRequiredService<InvoiceDocuments>().FindAsync(issued.Id, Actor.System));
        return (document!, issued.Id);
    }

    [Fact]
    public async Task Cii_AWrongGrandTotal_IsNamedByTheRules()
    {
        // The validator itself could fail silently (a JVM that answers nothing, a rule file not read): a broken invoice must be named.
        var (document, _) = await IssueAsync("france");
        var xml = System.Text.Encoding.UTF8.GetString(CiiWriter.Write(document));
        var broken = System.Text.RegularExpressions.Regex.Replace(xml, "<ram:GrandTotalAmount>([0-9.]+)</ram:GrandTotalAmount>", "<ram:GrandTotalAmount>1.00</ram:GrandTotalAmount>");
        Assert.NotEqual(xml, broken);
        var path = Path.Combine(InvoiceTests.ArtifactsFolder, "total-faux.xml");
        await File.WriteAllTextAsync(path, broken);
        var report = await EInvoiceValidator.ValidateXmlAsync(path);
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.StartsWith("CEN EN 16931: BR-CO-15", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Cii_PassesTheOfficialSchemaAndRules(string kind)
    {
        var (document, _) = await IssueAsync(kind);
        var path = Path.Combine(InvoiceTests.ArtifactsFolder, $"{kind}.xml");
        await File.WriteAllBytesAsync(path, CiiWriter.Write(document));
        var report = await EInvoiceValidator.ValidateXmlAsync(path);
        Assert.True(report.Passed, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FacturXPdf_IsPdfA3WithItsXml_AndPassesTheRules(string kind)
    {
        var (document, _) = await IssueAsync(kind);
        var path = Path.Combine(InvoiceTests.ArtifactsFolder, $"{kind}.pdf");
        await File.WriteAllBytesAsync(path, FacturXPdf.Write(document, new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc)));
        var report = await EInvoiceValidator.ValidatePdfAsync(path);
        Assert.True(report.Passed, report.ToString());
    }
}
