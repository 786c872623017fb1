using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>The single invoice of a pay period: 10,000.00 € of gross payroll, worked by hand, on SQLite and PostgreSQL. The class's clock only moves forward.</summary>
public abstract class EmployerInvoiceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    /// <summary>Four technicians at 2,500.00 € gross each for five days in December 2026 from <paramref name="startDay"/>: 10,000.00 € of gross payroll.</summary>
    private async Task PayrollOfTenThousandAsync(EmployerId employer, int firstNir, int startDay)
    {
        var payroll = await factory.ActorAsync(World.Payroll);
        var lines = Enumerable.Range(firstNir, 4).Select(n =>
            $"TECH{n};Sam;{StaffPayrollTests.Nir(n)};1991-02-03;FR7630006000011234567890189;intermittent_technician;non;Technicien son;Festival;2026-12-{startDay:D2};2026-12-{startDay + 4:D2};40;;2500,00;");
        await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(employer,
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", [string.Join(";", ImportStaffContracts.Columns), .. lines]))), payroll));
    }

    [Fact]
    public async Task CompleteMandate_Fee650Split200And450_Vat130_TotalAdvancesPlus780_PostedPartByPart_FacturXValid_ThenPartialMandateWithoutContributions()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);   // complete
        var payroll = await factory.ActorAsync(World.Payroll);
        await PayrollOfTenThousandAsync(world.LilleEmployer, 100, startDay: 5);
        factory.Clock.Advance(TimeSpan.FromDays(14));   // 2026-12-10
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System));
        var early = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<IssueEmployerInvoice>().HandleAsync(world.LilleEmployer, new EmployerInvoiceInput("2026-12"), payroll)));
        Assert.Equal(EmployersErrors.NothingToInvoice, early.Error);   // payslips not validated yet
        var payslips = (await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 50), payroll))).Items;
        Assert.Equal(4, payslips.Count);
        foreach (var p in payslips)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(p.Id, payroll));
        }

        var entity = await factory.InScopeAsync(async s => (await s.GetRequiredService<ILegalEntitiesApi>().ListAsync()).First(e => e.Modules.Contains(BusinessModules.ContractManagement)).Id);
        Task<Money> Balance(string account) => factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(entity, account));
        var before = (Fund: await Balance("4671"), Fee: await Balance("7062"), Vat: await Balance("44571"), Advances: await Balance("467"), Clients: await Balance("411"));

        var invoice = await factory.InScopeAsync(s => s.GetRequiredService<IssueEmployerInvoice>().HandleAsync(world.LilleEmployer, new EmployerInvoiceInput("2026-12"), payroll));
        var net = payslips.Aggregate(Money.ZeroEur, (sum, p) => sum + p.NetPaid);
        var contributions = payslips.Aggregate(Money.ZeroEur, (sum, p) => sum + p.EmployerCost - p.NetPaid);
        Assert.Equal(Money.Eur(1_000_000), invoice.GrossPayroll);
        Assert.Equal(Money.Eur(65_000), invoice.Fee);
        Assert.Equal([Money.Eur(20_000), Money.Eur(45_000)], invoice.FeeShares.Select(s => s.Amount));
        Assert.Equal(Money.Eur(13_000), invoice.Vat);
        Assert.Equal((net, contributions), (invoice.NetWages, invoice.Contributions));
        Assert.Equal(net + contributions + Money.Eur(78_000), invoice.Total);
        Assert.Matches(@"^SCIC-GC-2026-\d{6}$", invoice.Number);

        // Each part on its own account: the fee split, the VAT, the advances cleared, the employer's receivable.
        Assert.Equal(Money.Eur(-20_000), await Balance("4671") - before.Fund);
        Assert.Equal(Money.Eur(-45_000), await Balance("7062") - before.Fee);
        Assert.Equal(Money.Eur(-13_000), await Balance("44571") - before.Vat);
        Assert.Equal(Money.ZeroEur - (net + contributions), await Balance("467") - before.Advances);
        Assert.Equal(invoice.Total, await Balance("411") - before.Clients);
        var mail = await factory.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<App.Infrastructure.Mail.OutboxMessage>(), m => m.AttachmentName == $"facture-{invoice.Number}.pdf"));
        Assert.Equal("compta@festival-du-nord.fr", mail.To);   // e-mailed with its Factur-X to the billing address
        Assert.Contains(invoice.PaymentReference, mail.Body, StringComparison.Ordinal);
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<IssueEmployerInvoice>().HandleAsync(world.LilleEmployer, new EmployerInvoiceInput("2026-12"), payroll)));
        Assert.Equal(EmployersErrors.AlreadyInvoiced, twice.Error);   // each payslip on one invoice only

        var employerActor = await factory.ActorAsync(World.Employer);
        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerInvoicePdf>().HandleAsync(invoice.Id, employerActor));
        var path = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, name);
        await File.WriteAllBytesAsync(path, pdf);
        var report = await Invoicing.EInvoiceValidator.ValidatePdfAsync(path);
        Assert.True(report.Passed, report.ToString());
        var parisEmployer = await factory.ActorAsync(World.ParisEmployerEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetEmployerInvoice>().HandleAsync(invoice.Id, parisEmployer)));

        // Exposure: invoiced and unpaid, then paid by the employer.
        var finance = await factory.ActorAsync(World.Finance);
        var exposure = Assert.Single(await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerExposure>().HandleAsync(finance)), e => e.EmployerId == world.LilleEmployer);
        Assert.Equal(invoice.Total, exposure.InvoicedUnpaid);
        var paid = await factory.InScopeAsync(s => s.GetRequiredService<RecordEmployerPayment>().HandleAsync(invoice.Id, new EmployerPaymentInput(invoice.Total.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "2026-12-10"), finance));
        Assert.Equal(EmployerInvoiceStatus.Paid, paid.Status);
        Assert.DoesNotContain(await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerExposure>().HandleAsync(finance)), e => e.EmployerId == world.LilleEmployer);

        // A partial mandate: the same payroll, and the contributions are the employer's own business.
        await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.SignMandate>().HandleAsync(world.ParisEmployer, new MandateInput("Partial", "2026-01-01", "Paul"), payroll));
        await PayrollOfTenThousandAsync(world.ParisEmployer, 200, startDay: 14);
        await factory.InScopeAsync(s => s.GetRequiredService<ComputeStaffPayslips>().HandleAsync(new DateOnly(2026, 12, 18), payroll));
        var partialPayslips = (await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.ParisEmployer, "Computed", new App.Infrastructure.PageRequest(1, 50), payroll))).Items;
        foreach (var p in partialPayslips)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(p.Id, payroll));
        }

        // Issued in error: cancelled in full by a credit note (same series, entry reversed, payslips free again), then issued anew.
        async Task<(Money, Money, Money, Money, Money)> Books() => (await Balance("411"), await Balance("467"), await Balance("4671"), await Balance("7062"), await Balance("44571"));
        var booksBefore = await Books();
        var wrong = await factory.InScopeAsync(s => s.GetRequiredService<IssueEmployerInvoice>().HandleAsync(world.ParisEmployer, new EmployerInvoiceInput("2026-12"), payroll));
        var noReason = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreditEmployerInvoice>().HandleAsync(wrong.Id, new EmployerCreditInput(" "), payroll)));
        Assert.Contains("Reason", noReason.Errors.Keys);
        var note = await factory.InScopeAsync(s => s.GetRequiredService<CreditEmployerInvoice>().HandleAsync(wrong.Id, new EmployerCreditInput("Période erronée"), payroll));
        Assert.Equal((EmployerInvoiceKind.CreditNote, EmployerInvoiceStatus.Applied, wrong.Number, wrong.Total), (note.Kind, note.Status, note.Related, note.Total));
        Assert.Equal(wrong.Number[..^6], note.Number[..^6]);   // the same continuous series
        Assert.Equal(booksBefore, await Books());
        var noteEntry = await Ledger.Books.CreditNoteEntryAsync(factory, note.Number);   // the credit note's own entry, lettered with the invoice on the employer's account
        Assert.Equal(("employer_credit_note", true), (noteEntry.SourceType, noteEntry.ReversesTheInvoice));
        Assert.NotEqual("", Assert.Single(noteEntry.SharedLetters));
        var cancelled = await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerInvoice>().HandleAsync(wrong.Id, payroll));
        Assert.Equal((EmployerInvoiceStatus.Cancelled, note.Number), (cancelled.Status, cancelled.Related));
        var creditedTwice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreditEmployerInvoice>().HandleAsync(wrong.Id, new EmployerCreditInput("Encore"), payroll)));
        Assert.Equal(EmployersErrors.WrongStatus, creditedTwice.Error);
        var (noteName, notePdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerInvoicePdf>().HandleAsync(note.Id, payroll));
        Assert.StartsWith("avoir-", noteName, StringComparison.Ordinal);
        var notePath = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, noteName);
        await File.WriteAllBytesAsync(notePath, notePdf);
        var noteReport = await Invoicing.EInvoiceValidator.ValidatePdfAsync(notePath);
        Assert.True(noteReport.Passed, noteReport.ToString());
        Assert.Contains($"Annule la facture n° {wrong.Number} du {wrong.IssueDate:dd/MM/yyyy}. Motif : Période erronée", Poppler.Run("pdftotext", notePath + " -"), StringComparison.Ordinal);
        var partial = await factory.InScopeAsync(s => s.GetRequiredService<IssueEmployerInvoice>().HandleAsync(world.ParisEmployer, new EmployerInvoiceInput("2026-12"), payroll));
        Assert.Equal(wrong.Total, partial.Total);
        Assert.Equal((MandateKind.Partial, Money.ZeroEur, Money.Eur(65_000), Money.Eur(13_000)), (partial.Mandate, partial.Contributions, partial.Fee, partial.Vat));
        Assert.Equal(partialPayslips.Aggregate(Money.ZeroEur, (sum, p) => sum + p.NetPaid) + Money.Eur(78_000), partial.Total);

        // The employer pays by transfer: the bank statement settles its invoice by number and by RF reference;
        // a transfer naming nothing waits in 471 until finance matches it to the invoice.
        var entityCode = await factory.InScopeAsync(async s => (await s.GetRequiredService<ILegalEntitiesApi>().ListAsync()).First(e => e.Id == entity).Code);
        var (clientsBefore, suspenseBefore) = (await Balance("411"), await Balance("471"));
        var statement = await Invoicing.BankStatementTests.ImportAsync(factory, Invoicing.BankStatementTests.Camt(factory.Today, "08", "GC-RELEVE-1",
            new(1_000m, Text: $"Paie decembre FACT-{partial.Number}", Debtor: "Theatre de Paris"),   // text glued before the number
            new(partial.Total.Amount - 1_100m, Rf: partial.PaymentReference, Debtor: "Theatre de Paris"),
            new(100m, Text: "Virement", Debtor: "Theatre de Paris")), entityCode);
        Assert.Equal((2, 1), (statement.Matched, statement.Unmatched));
        Assert.Equal(clientsBefore - partial.Total + Money.Eur(10_000), await Balance("411"));
        Assert.Equal(suspenseBefore - Money.Eur(10_000), await Balance("471"));
        var waiting = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Invoicing.Features.ListUnmatchedBankLines>().HandleAsync(new App.Infrastructure.PageRequest(1, 100), finance))).Items,
            l => l.BankReference == "GC-RELEVE-1-3");
        Assert.Null(await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Invoicing.Features.MatchBankLine>().HandleAsync(waiting.Id, new App.Modules.Invoicing.Features.MatchInput(partial.Number, null), finance)));
        var settled = await factory.InScopeAsync(s => s.GetRequiredService<GetEmployerInvoice>().HandleAsync(partial.Id, finance));
        Assert.Equal((EmployerInvoiceStatus.Paid, partial.Total), (settled.Status, settled.Paid));
        Assert.Equal((clientsBefore - partial.Total, suspenseBefore), (await Balance("411"), await Balance("471")));

        // The service's report: revenue excl. VAT by year and office, employers by legal form and current mandate.
        var serviceReport = await factory.InScopeAsync(s => s.GetRequiredService<ServiceReport>().ForYearAsync(2026, finance));
        var revenue = invoice.Total - invoice.Vat + partial.Total - partial.Vat;
        Assert.Equal(revenue, Assert.Single(serviceReport.RevenueByYear, r => r.Label == "2026").Amount);
        Assert.Equal(Money.Eur(130_000), Assert.Single(serviceReport.FeesByYear, r => r.Label == "2026").Amount);
        Assert.Equal(revenue, serviceReport.RevenueByOffice.Aggregate(Money.ZeroEur, (sum, r) => sum + r.Amount));
        Assert.Contains(serviceReport.RevenueByOffice, r => r.Label.Contains("Lille", StringComparison.Ordinal) && r.Amount == invoice.Total - invoice.Vat);
        Assert.Equal(1, Assert.Single(serviceReport.ByMandate, r => r.Label == "partiel").Count);
        Assert.Contains(serviceReport.ByLegalForm, r => r.Label == "SAS");
        Assert.Equal(100m, serviceReport.ByStatus.Sum(r => r.Percent));
        // The annual report reads the same revenue through the Employers module's contract.
        var annual = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Reporting.Features.GetAnnualReport>().HandleAsync(2026, null, null, finance));
        Assert.Equal(revenue.Amount, annual.Tables.Single(t => t.Code == "cms_revenue").Rows.Single().Values[^1]);
        Assert.Equal(revenue.Amount, annual.Tables.Single(t => t.Code == "cms_revenue_by_office").Total!.Values[^1]);
        Assert.InRange(serviceReport.ByOffice.Sum(r => r.Percent), 99m, 101m);   // shares to the unit
        Assert.Equal(serviceReport.ByOffice.Select(r => r.Percent), annual.Tables.Single(t => t.Code == "cms_clients_by_office").Rows.Select(r => r.Values[^1]!.Value));
        Assert.Equal(serviceReport.ByMandate.Single(r => r.Label == "partiel").Percent, annual.Tables.Single(t => t.Code == "cms_mandate_type").Rows.Single(r => r.Label == "partiel").Values[^1]);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ServiceReport>().ForYearAsync(2026, member)));
    }
}

public sealed class SqliteEmployerInvoiceTests(December2026Factory factory) : EmployerInvoiceTests<December2026Factory>(factory);

public sealed class PostgresEmployerInvoiceTests(PostgresDecember2026Factory factory) : EmployerInvoiceTests<PostgresDecember2026Factory>(factory);
