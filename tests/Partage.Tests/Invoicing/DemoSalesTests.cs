using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Demo;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger.Features;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Invoicing;

public class DemoSalesTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public void Apportion_KeepsTheTotal_GivesEveryCountryOne_AndFollowsTheReport()
    {
        var countries = ReportDistributions.Load().ClientCountries;
        foreach (var total in new[] { 10, 37, 100, 1_000 })
        {
            var seats = ReportDistributions.Apportion(countries, total);
            Assert.Equal(total, seats.Values.Sum());
            Assert.All(seats.Values, s => Assert.True(s >= 1));
        }

        var thousand = ReportDistributions.Apportion(countries, 1_000);
        var sum = countries.Sum(c => c.Weight);
        foreach (var (key, weight) in countries)
        {
            Assert.InRange(thousand[key], Math.Floor(weight / sum * 1_000) - 1, Math.Ceiling(weight / sum * 1_000) + 1);
        }
    }

    /// <summary>
    /// With the seed of a first start (2016), as a new user gets it, on 26 November 2026: the demo books
    /// are one fiscal year, so a demo seeded in early January has only those days (see docs/testing.md).
    /// </summary>
    [Fact]
    public async Task Seed_ClientsByCountry_InvoicesAtEachDunningStep_OneDisputed_OneCovered_JobsPaid_BooksBalanced()
    {
        await factory.InScopeAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(20, 2016); return 0; });

        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            var byCountry = (await db.Set<Client>().Select(c => c.Country).ToListAsync()).CountBy(c => c).ToDictionary(c => c.Key, c => c.Value);
            Assert.Equal(DemoSales.Clients, byCountry.Values.Sum());
            Assert.InRange(byCountry["FR"], 80, 90);                                     // 3,308 of 3,810 in the report
            Assert.Equal("BE", byCountry.Where(c => c.Key != "FR").MaxBy(c => c.Value).Key);   // Belgium second (222)
            Assert.All(new[] { "DE", "CH", "IT", "ES", "NL", "LU", "SE" }, c => Assert.True(byCountry.ContainsKey(c), c));
            Assert.Contains(byCountry.Keys, c => c is "GB" or "CA" or "US");

            var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => i.Number != null).ToListAsync();
            foreach (var series in invoices.GroupBy(i => i.LegalEntityId))   // each entity's series follows the issue dates
            {
                Assert.Equal(series.OrderBy(i => i.IssueDate).ThenBy(i => i.IssuedAt).Select(i => i.Number), series.OrderBy(i => i.Number, StringComparer.Ordinal).Select(i => i.Number));
            }


            var steps = (await db.Set<DunningStep>().AsNoTracking().Where(d => d.Sent).ToListAsync()).ToLookup(d => d.InvoiceId);
            var open = invoices.Where(i => InvoiceStatuses.AwaitingPayment.Contains(i.Status)).ToList();
            Assert.Contains(open, i => i.Status == InvoiceStatus.Sent);
            Assert.Contains(open, i => steps[i.Id].Max(d => (int?)d.Step) == 1);
            Assert.Contains(open, i => steps[i.Id].Max(d => (int?)d.Step) == 2);
            Assert.Contains(open, i => steps[i.Id].Any(d => d.Step == 3 && d.Kind == DunningKind.FormalNotice));
            var disputed = Assert.Single(open, i => i.DisputedSince is not null);
            Assert.Empty(steps[disputed.Id]);
            Assert.True(factory.Clock.GetUtcNow().Date.AddDays(-10) >= disputed.DueDate!.Value.ToDateTime(TimeOnly.MinValue), "the disputed invoice is overdue");

            var covered = Assert.Single(invoices, i => i.Status == InvoiceStatus.Covered);
            Assert.NotNull(covered.PurchaseOrder);
            Assert.Contains(steps[covered.Id], d => d.Kind == DunningKind.FormalNotice);
            Assert.Single(await db.Set<GuaranteeCover>().Where(c => c.InvoiceId == covered.Id).ToListAsync());
            Assert.Contains(invoices, i => i.Status == InvoiceStatus.Paid);
            Assert.Contains(invoices, i => i.Kind == InvoiceKind.CreditNote);
            return 0;
        });

        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            var jobs = await db.Set<App.Modules.Payroll.Job>().AsNoTracking().ToListAsync();
            Assert.Equal(3, jobs.Select(j => j.Kind).Distinct().Count());   // artists, technicians, régime général
            var payslips = await db.Set<App.Modules.Payroll.Payslip>().AsNoTracking().ToListAsync();
            Assert.Contains(payslips, p => p.Status == App.Modules.Payroll.PayslipStatus.Paid);
            Assert.Contains(payslips, p => p.Status == App.Modules.Payroll.PayslipStatus.Computed);
            Assert.Contains(jobs, j => j.Status == App.Modules.Payroll.JobStatus.Declared && j.Start > factory.Today);
            Assert.True(await db.Set<App.Modules.Payroll.PaymentBatch>().AnyAsync(b => b.Status == App.Modules.Payroll.PaymentBatchStatus.Released));
            Assert.Contains(payslips, p => p.Period != $"{p.From:yyyy-MM}" || p.From.Month != p.To.Month || !p.Final);   // a contract over two months, paid by month
            return 0;
        });

        // Two suppliers' invoices wait: one routed to the demo member's activity by its reference, one for a manager to route.
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var mine = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Purchases.Features.SearchSupplierInvoices>()
            .HandleAsync(App.Modules.Purchases.SupplierInvoiceStatus.ToApprove, null, new App.Infrastructure.PageRequest(1, 50), member));
        Assert.Single(mine.Items);
        var all = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Purchases.Features.SearchSupplierInvoices>()
            .HandleAsync(null, null, new App.Infrastructure.PageRequest(1, 50), App.Security.Actor.System));
        Assert.Equal(2, all.Total);
        Assert.Single(all.Items, i => i.ActivityId is null);

        // The member's dinners of their first concert wait for the manager, at the payroll's restaurant rate of the day.
        var notes = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Purchases.Features.SearchExpenseNotes>()
            .HandleAsync(App.Modules.Purchases.ExpenseNoteStatus.Submitted, new App.Infrastructure.PageRequest(1, 50), member));
        Assert.Equal(2, notes.Items.Count(n => n.Allowance == Partage.Payroll.JobAllowance.MealRestaurant));
        Assert.All(notes.Items, n => Assert.Equal(Partage.Payroll.JobAllowances.Limit(Partage.Payroll.ParameterCatalog.Default, Partage.Payroll.JobAllowance.MealRestaurant, n.Date), n.Amount));

        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            var employers = await db.Set<App.Modules.Employers.Employer>().AsNoTracking().ToListAsync();
            Assert.Equal(Enum.GetValues<App.Modules.Employers.EmployerLegalForm>().Order(), employers.Select(e => e.LegalForm).Distinct().Order());
            Assert.Equal(Enum.GetValues<App.Modules.Employers.EmployerSector>().Order(), employers.Select(e => e.Sector).Distinct().Order());
            Assert.Contains(employers, e => e.Status == App.Modules.Employers.EmployerStatus.Inactive);
            var mandates = await db.Set<App.Modules.Employers.Mandate>().AsNoTracking().ToListAsync();
            Assert.Equal(2, mandates.Select(m => m.Kind).Distinct().Count());
            Assert.Contains(await db.Set<App.Modules.Employers.StaffPayslip>().AsNoTracking().ToListAsync(), p => p.Status == App.Modules.Employers.StaffPayslipStatus.Paid);
            var invoices = await db.Set<App.Modules.Employers.EmployerInvoice>().AsNoTracking().ToListAsync();
            Assert.Contains(invoices, i => i.Status == App.Modules.Employers.EmployerInvoiceStatus.Paid);
            Assert.Contains(invoices, i => i.Mandate == App.Modules.Employers.MandateKind.Partial && i.ContributionsCents == 0);
            Assert.True(await db.Set<App.Modules.Employers.EmployerUser>().AnyAsync());   // the demo employer account acts for one of them
            return 0;
        });

        // Every demo month of every entity: its DSN passes the project's checker once its payslips are all validated; a month still computing is refused, named.
        var dsns = 0;
        var payroll = await factory.ActorAsync(World.Payroll);
        var months = await factory.InScopeAsync(async s => (await s.GetRequiredService<PartageDbContext>().Set<App.Modules.Payroll.Payslip>().AsNoTracking().ToListAsync())
            .GroupBy(p => (p.LegalEntityId, p.Period)).Select(g => (g.Key.LegalEntityId, g.Key.Period, Pending: g.Any(p => p.Status == App.Modules.Payroll.PayslipStatus.Computed))).ToList());
        var codes = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.LegalEntities.ILegalEntitiesApi>().CodesAsync());
        foreach (var (entity, period, pending) in months.Where(m => m.Period.StartsWith("2026", StringComparison.Ordinal)))
        {
            var dsn = () => factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Payroll.Features.GetEntityDsn>().HandleAsync(codes[entity], period, false, payroll));
            if (pending)
            {
                Assert.Contains("pas encore validés", (await Assert.ThrowsAsync<DomainException>(dsn)).Message, StringComparison.Ordinal);
                continue;
            }

            var file = await dsn();
            var problems = Payroll.DsnChecker.Check(file.Content);
            Assert.True(problems.Count == 0, $"{codes[entity]} {period}: {string.Join(Environment.NewLine, problems)}");
            await File.WriteAllBytesAsync(Path.Combine(InvoiceTests.ArtifactsFolder, $"demo-{file.FileName}"), file.Content);
            dsns++;
        }

        Assert.True(dsns > 0, "no demo month with its payslips all validated");

        var check = await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync(null));
        Assert.True(check.IsBalanced, string.Join(Environment.NewLine, check.Problems));
    }
}
