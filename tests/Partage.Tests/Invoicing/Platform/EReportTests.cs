using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Clients;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Invoicing.Platform;

/// <summary>A month's e-reporting: what goes in (and what stays out), and the files against the PPF's XSD and schematron.</summary>
public sealed class EReportTests
{
    [Fact]
    public async Task TheMonthsEReporting_HoldsSalesAbroadAndToPersons_AndTheirPayments_InValidFlux10Files()
    {
        using var factory = new PartageFactory();
        var world = await Ledger.Books.OpenAsync(factory);
        var person = await Sales.ClientAsync(factory, ClientTests.FrenchCompany(string.Empty, "Camille Durand") with { Kind = "Person", LegalForm = null, Siren = null, Siret = null });
        var german = await Sales.ClientAsync(factory, ClientTests.FrenchCompany(string.Empty, "Kunsthaus Köln GmbH") with
        {
            Country = "DE", Siren = null, Siret = null, VatNumber = "DE123456789", PostalCode = "50667", City = "Köln",
        });
        var swiss = await Sales.ClientAsync(factory, ClientTests.FrenchCompany(string.Empty, "Festival de Genève SA") with { Country = "CH", Siren = null, Siret = null, PostalCode = "1204", City = "Genève" });
        var french = await Sales.FrenchClientAsync(factory);
        Task<InvoiceView> IssueAsync(ClientView client, string price) => Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", price, null)));
        var lesson = await IssueAsync(person, "100");
        await IssueAsync(person, "250.50");
        var toGermany = await IssueAsync(german, "1200");
        var toSwitzerland = await IssueAsync(swiss, "800");
        var inFrance = await IssueAsync(french, "500");
        var credit = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(toGermany.Id, "Concert annulé", Actor.System));
        async Task PayAsync(InvoiceView invoice, string amount) =>
            await factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(invoice.Id, new PaymentInput(amount, TestDates.TodayText, "VIR"), Actor.System));
        await PayAsync(lesson, "50");
        await PayAsync(inFrance, "600");
        await PayAsync(toSwitzerland, "800");

        var files = await factory.InScopeAsync(s => s.GetRequiredService<BuildEReport>().HandleAsync(lesson.EntityCode, "2026-11", Actor.System));
        Assert.Equal((3, 1, 1, false), (files.Invoices, files.Days, files.Collections, files.Queued));
        foreach (var (name, content) in new[] { (files.TransactionsName, files.TransactionsFile), (files.PaymentsName, files.PaymentsFile) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
            await File.WriteAllBytesAsync(path, content);
            var report = await EInvoiceValidator.ValidateEReportAsync(path);
            Assert.True(report.Passed, $"{name}: {report}");
        }

        var transactions = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files.TransactionsFile)).Root!.Element("TransactionsReport")!;
        var invoices = transactions.Elements("Invoice").ToDictionary(i => i.Element("ID")!.Value);
        Assert.Equal(new[] { toGermany.Number, toSwitzerland.Number, credit.Number }.Order(), invoices.Keys.Order());   // not the French business's: e-invoiced
        Assert.Equal(("381", toGermany.Number), (invoices[credit.Number!].Element("TypeCode")!.Value, invoices[credit.Number!].Element("ReferencedDocument")!.Element("ID")!.Value));
        Assert.Equal(("0223", "DE123456789"), (invoices[toGermany.Number!].Element("Buyer")!.Element("CompanyId")!.Attribute("schemeId")!.Value, invoices[toGermany.Number!].Element("Buyer")!.Element("CompanyId")!.Value));
        Assert.Equal("-1200.00", invoices[credit.Number!].Element("MonetaryTotal")!.Element("TaxExclusiveAmount")!.Value);
        var day = Assert.Single(transactions.Elements("Transactions"));
        Assert.Equal(("TPS1", "2", "350.50", "70.10"), (day.Element("CategoryCode")!.Value, day.Element("TransactionsCount")!.Value, day.Element("TaxExclusiveAmount")!.Value, day.Element("TaxTotal")!.Value));

        var payments = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files.PaymentsFile)).Root!.Element("PaymentsReport")!;
        var paid = Assert.Single(payments.Elements("Invoice"));   // the French business's goes as « encaissée », the Swiss one charged no French VAT
        Assert.Equal((lesson.Number, "20", "50.00"), (paid.Element("InvoiceID")!.Value, paid.Descendants("TaxPercent").Single().Value, paid.Descendants("Amount").Single().Value));

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<BuildEReport>().HandleAsync("XXX", "2026-13", Actor.System)));
        Assert.Equal(["Entity", "Month"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<BuildEReport>().HandleAsync(lesson.EntityCode, "2026-11", member)));
    }
}
