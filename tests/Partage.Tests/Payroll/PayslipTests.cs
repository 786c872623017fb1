using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>From a countersigned job to the wage paid 7 days after its end. One flow: the class's clock only moves forward.</summary>
public abstract class PayslipTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private Task<PayrollRun> RunAsync(DateOnly until) => factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(until, Actor.System));

    [Fact]
    public async Task EndOfService_PayslipComputed_Validated_Posted_PaidOnDaySeven_SepaValid_NeverTwice()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 300_000);
        var job = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 2), days: 2, gross: "500"));
        var afterCommitment = await BudgetAsync(factory, world.LilleActivity);

        Assert.Equal(0, (await RunAsync(new DateOnly(2026, 12, 2))).Computed);   // the service has not ended
        factory.Clock.Advance(TimeSpan.FromDays(8));                             // 2026-12-04
        var run = await RunAsync(new DateOnly(2026, 12, 4));
        Assert.Equal((1, 0, 0), (run.Computed, run.AutoValidated, run.Batches));   // due on 2026-12-10, and not validated yet

        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var payslip = (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, member))).Single();
        Assert.NotNull(payslip);
        var expected = PayslipEngine.Compute(new PayrollRequest("2026-12", new EmployerInput(300, 0.0123m, 0, false, true, "3090"), new EmployeeInput("intermittent_artist", false, null),
            new ContractInput("CDDU", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)), new WorkInput(null, 2, 2), 500m), ParameterCatalog.Default);
        Assert.Equal(Money.Eur(Rounding.ToCents(expected.NetBeforeTax)), payslip.NetBeforeTax);
        Assert.Equal(Money.Eur(Rounding.ToCents(expected.EmployerCost)), payslip.EmployerCost);
        Assert.Equal(payslip.NetBeforeTax - payslip.Tax, payslip.NetPaid);
        Assert.Equal(new DateOnly(2026, 12, 10), payslip.DueOn);
        var other = await factory.ActorAsync(World.ParisMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetPayslip>().HandleAsync(payslip.Id, other)));
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, member)));

        var payroll = await factory.ActorAsync(World.Payroll);
        var validated = await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, payroll));
        Assert.Equal(PayslipStatus.Validated, validated.Status);
        var afterPayroll = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(afterCommitment.Spent + payslip.EmployerCost, afterPayroll.Spent);         // 641 + 645 by activity
        Assert.Equal(afterCommitment.Committed - job.EmployerCost, afterPayroll.Committed);     // the commitment released
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, payroll)));
        Assert.Equal(PayrollErrors.WrongJobStatus, twice.Error);

        var (pdfName, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetPayslipPdf>().HandleAsync(payslip.Id, member));
        Assert.StartsWith("bulletin-", pdfName, StringComparison.Ordinal);
        var text = Poppler.Text(pdf);
        foreach (var heading in new[] { "SANTÉ", "ACCIDENTS DU TRAVAIL", "RETRAITE", "FAMILLE", "ASSURANCE CHÔMAGE", "AUTRES CONTRIBUTIONS", "CSG ET CRDS", "EXONÉRATIONS",
                     "Net à payer avant impôt sur le revenu", "Impôt sur le revenu prélevé à la source", "Net payé", "Montant net social", "Total versé par l'employeur" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        factory.Clock.Advance(TimeSpan.FromDays(6));   // 2026-12-10, pay day
        var payday = await RunAsync(new DateOnly(2026, 12, 10));
        Assert.Equal((1, 1, payslip.NetPaid), (payday.Batches, payday.Payments, payday.Total));
        Assert.Equal(0, (await RunAsync(new DateOnly(2026, 12, 10))).Batches);   // re-run: nothing new
        var batch = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new App.Infrastructure.PageRequest(1, 50), payroll))).Items);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetWageBatchSepaFile>().HandleAsync(batch.Id, payroll)));   // not released yet
        await BatchPage_ShowsTheLines_AndReleasesOnlyOnceConfirmedAsync(batch, payslip.NetPaid);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, payroll)));
        var paid = await factory.InScopeAsync(s => s.GetRequiredService<GetPayslip>().HandleAsync(payslip.Id, member));
        Assert.Equal((PayslipStatus.Paid, new DateOnly(2026, 12, 10)), (paid.Status, paid.PaidOn));
        Assert.Equal(0, (await RunAsync(new DateOnly(2026, 12, 31))).Payments);   // paid once

        var folder = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"sepa-{Guid.NewGuid():N}");   // kept with the run's artifacts
        var files = await factory.InScopeAsync(s => s.GetRequiredService<ExportWageBatches>().HandleAsync(folder, payroll));
        var file = Assert.Single(files);
        var problems = await SepaChecker.CheckAsync(file);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var xml = await File.ReadAllTextAsync(file);
        Assert.Contains($"<InstdAmt Ccy=\"EUR\">{paid.NetPaid.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</InstdAmt>", xml, StringComparison.Ordinal);
        Assert.Contains("<Cd>SALA</Cd>", xml, StringComparison.Ordinal);

        using var staff = await factory.ClientForAsync(World.Payroll);
        var summary = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/payroll/contributions?from=2026-12&to=2026-12")).RootElement;
        var bodies = summary.EnumerateArray().Select(b => b.GetProperty("body").GetString()).ToList();
        Assert.Contains(ContributionBodies.Urssaf, bodies);
        Assert.Contains(ContributionBodies.FranceTravail, bodies);
        Assert.Contains(ContributionBodies.HolidayFund, bodies);
        var owed = summary.EnumerateArray().Sum(b => decimal.Parse(b.GetProperty("total").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((payslip.EmployeeContributions + payslip.EmployerContributions - payslip.Reductions).Amount, owed);
        var csv = await staff.GetAsync("/api/v1/payroll/contributions.csv?from=2026-12&to=2026-12");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Congés Spectacles;", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Staff read every transfer and its total before money leaves; a post without the confirmation releases nothing.
    private async Task BatchPage_ShowsTheLines_AndReleasesOnlyOnceConfirmedAsync(PaymentBatchView batch, Money netPaid)
    {
        var detail = await factory.InScopeAsync(async s => await s.GetRequiredService<GetWageBatch>().HandleAsync(batch.Id, await factory.ActorAsync(World.Payroll)));
        var line = Assert.Single(detail.Lines);
        Assert.Equal((netPaid, netPaid, 4), (line.Amount, detail.LinesTotal, line.IbanEnd.Length));
        using var member = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/paie/lots/{batch.Id}")).StatusCode);
        using var browser = await factory.SignedInBrowserAsync(World.Payroll);
        var page = await browser.GetStringAsync($"/paie/lots/{batch.Id}");
        Assert.Contains(line.Reference, page, StringComparison.Ordinal);
        Assert.Contains($"Libérer {batch.Number}", page, StringComparison.Ordinal);
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\"[^>]*>(?<body>.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        using var unconfirmed = await browser.PostAsync($"/paie/lots/{batch.Id}", new FormUrlEncodedContent(BrowserForms.HiddenFields(form.Groups["body"].Value)));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Cochez la case pour confirmer", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var still = await factory.InScopeAsync(async s => await s.GetRequiredService<GetWageBatch>().HandleAsync(batch.Id, await factory.ActorAsync(World.Payroll)));
        Assert.Equal(PaymentBatchStatus.Built, still.Batch.Status);

        // Two people (or two tabs) confirm at the same moment: the batch is released once, the payment posted once.
        using var other = await factory.SignedInBrowserAsync(World.Payroll);
        var posts = await Task.WhenAll(new[] { browser, other }.Select(async client =>
        {
            var fields = BrowserForms.HiddenFields(System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync($"/paie/lots/{batch.Id}"),
                "<form method=\"post\"[^>]*>(?<body>.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["body"].Value);
            fields["Confirmed"] = "true";
            using var response = await client.PostAsync($"/paie/lots/{batch.Id}", new FormUrlEncodedContent(fields));
            return response.StatusCode;
        }));
        Assert.All(posts, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, status.ToString()));
        var released = await factory.InScopeAsync(async s => await s.GetRequiredService<GetWageBatch>().HandleAsync(batch.Id, await factory.ActorAsync(World.Payroll)));
        Assert.Equal(PaymentBatchStatus.Released, released.Batch.Status);
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<JournalEntry>()
            .CountAsync(e => e.SourceType == "wage_batch" && e.SourceId == batch.Id.ToString())));
    }
}

public sealed class SqlitePayslipTests(December2026Factory factory) : PayslipTests<December2026Factory>(factory);

public sealed class PostgresPayslipTests(PostgresDecember2026Factory factory) : PayslipTests<PostgresDecember2026Factory>(factory);

/// <summary>Payroll staff's rules: a notified tax rate instead of the default grid; automatic validation up to a gross.</summary>
public class PayrollRuleTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task NotifiedRateUsed_AutomaticValidationUnderTheRule()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 300_000);
        var payroll = await factory.ActorAsync(World.Payroll);
        await factory.InScopeAsync(s => s.GetRequiredService<NotifiedTaxRates>().AddAsync(
            new NotifiedTaxRateInput(world.LilleMember.ToString(), "0,062", "2026-01-01", "Retour DSN du 2026-01-12"), payroll));
        await factory.InScopeAsync(s => s.GetRequiredService<PayrollParameters>().AddAsync(
            new NewSettingInput(PayrollParameters.AutoValidationCode, "2026-01-01", "1000", "Note de service paie n° 3"), payroll));
        var small = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 2), gross: "300"));
        var large = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 4), gross: "1500"));

        factory.Clock.Advance(TimeSpan.FromDays(10));
        var run = await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 5), Actor.System));
        Assert.Equal((2, 1), (run.Computed, run.AutoValidated));
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var smallSlip = (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(small.Id, member))).Single();
        var largeSlip = (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(large.Id, member))).Single();
        Assert.Equal((PayslipStatus.Validated, PayslipStatus.Computed), (smallSlip.Status, largeSlip.Status));
        Assert.Equal((0.062m, false), (largeSlip.TaxRate, largeSlip.NeutralTaxRate));
        Assert.Equal(Money.Eur(Rounding.ToCents(largeSlip.NetTaxable.Amount * 0.062m)), largeSlip.Tax);
    }

    [Fact]
    public async Task NotifiedRate_AboveTheTopMarginalRateOfItsDate_Refused()
    {
        var world = await OpenAsync(factory);
        var payroll = await factory.ActorAsync(World.Payroll);
        Task<NotifiedTaxRateView> Add(string rate, string from) => factory.InScopeAsync(s => s.GetRequiredService<NotifiedTaxRates>().AddAsync(
            new NotifiedTaxRateInput(world.LilleMember.ToString(), rate, from, "Retour DSN"), payroll));
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => Add("0,46", "2026-02-01"));
        Assert.Contains("entre 0 et 0,45", Assert.Single(refused.Errors["Rate"]), StringComparison.Ordinal);
        Assert.Equal(0.45m, (await Add("0,45", "2026-02-01")).Rate);   // the highest rate of the scale itself is a rate a household can have
    }
}

/// <summary>A contract over three months: a payslip at each month end and at the end of the service, each paid 7 days later.</summary>
public class LongContractTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    private Task<PayrollRun> RunAsync(DateOnly until) => factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(until, Actor.System));

    [Fact]
    public async Task PayslipAtEachMonthEnd_AddsUpToTheContract_CommitmentReleasedExactly()
    {
        var world = await OpenAsync(factory);
        await OpenYearAsync(factory, 2027);
        await Hiring.FundAsync(factory, world.LilleActivity, 1_000_000);
        var before = await BudgetAsync(factory, world.LilleActivity);
        var (start, end) = (new DateOnly(2026, 12, 20), new DateOnly(2027, 2, 10));
        var job = await Hiring.CountersignedAsync(factory, Hiring.Technician(world.LilleActivity, start, "100", "3000") with { End = "2027-02-10" });

        // What was committed is the three months' payslips as the engine computes them.
        var months = ContractMonths.Split(start, end, 100m, null, 300_000);
        var expected = months.Select(m => PayslipEngine.Compute(new PayrollRequest(m.Period, new EmployerInput(300, 0.0123m, 0, false, true, "3090"),
            new EmployeeInput("intermittent_technician", false, null), new ContractInput("CDDU", start, end), new WorkInput(m.Hours, m.Days, null), m.GrossCents / 100m),
            ParameterCatalog.Default)).ToList();
        Assert.Equal(Money.Eur(expected.Sum(p => Rounding.ToCents(p.EmployerCost))), job.EmployerCost);

        factory.Clock.Advance(TimeSpan.FromDays(36));   // 2027-01-01
        Assert.Equal(1, (await RunAsync(new DateOnly(2027, 1, 1))).Computed);   // December only
        Assert.Equal(0, (await RunAsync(new DateOnly(2027, 1, 1))).Computed);   // re-run: nothing new
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var december = Assert.Single(await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, member)));
        Assert.Equal(("2026-12", new DateOnly(2027, 1, 7)), (december.Period, december.DueOn));
        Assert.Equal(Money.Eur(Rounding.ToCents(expected[0].NetBeforeTax)), december.NetBeforeTax);

        factory.Clock.Advance(TimeSpan.FromDays(41));   // 2027-02-11
        Assert.Equal(2, (await RunAsync(new DateOnly(2027, 2, 11))).Computed);
        member = await factory.ActorAsync(World.LilleMemberEmail);
        var payslips = await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, member));
        Assert.Equal(["2026-12", "2027-01", "2027-02"], payslips.Select(p => p.Period));
        Assert.Equal([new DateOnly(2027, 1, 7), new DateOnly(2027, 2, 7), new DateOnly(2027, 2, 17)], payslips.Select(p => p.DueOn));
        Assert.Equal(Money.Eur(300_000), payslips.Aggregate(Money.ZeroEur, (sum, p) => sum + p.Gross));
        Assert.Equal(expected.Select(p => Money.Eur(Rounding.ToCents(p.EmployerCost))), payslips.Select(p => p.EmployerCost));

        // Validated in any order, the releases add up to the commitment: nothing stays committed.
        var payroll = await factory.ActorAsync(World.Payroll);
        foreach (var payslip in payslips.Reverse())
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, payroll));
        }

        var after = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(before.Committed, after.Committed);
        Assert.Equal(before.Spent + payslips.Aggregate(Money.ZeroEur, (sum, p) => sum + p.EmployerCost), after.Spent);
    }

    [Fact]
    public void CommitmentRelease_EachMonthItsCost_TheLastTheRest()
    {
        Payslip Month(long cost, bool final) => new() { Figures = new PayslipFigures(0, 0, 0, 0, 0, 0, 0m, false, 0, 0, cost), Final = final };
        Assert.Equal(400, PayslipPosting.CommitmentRelease(1_000, 0, Month(400, final: false)));
        Assert.Equal(200, PayslipPosting.CommitmentRelease(1_000, 800, Month(400, final: false)));   // never more than what is committed
        Assert.Equal(0, PayslipPosting.CommitmentRelease(1_000, 1_200, Month(400, final: false)));
        Assert.Equal(350, PayslipPosting.CommitmentRelease(1_000, 650, Month(300, final: true)));    // the last month frees what is left
        Assert.Equal(0, PayslipPosting.CommitmentRelease(1_000, 1_200, Month(300, final: true)));
    }
}

/// <summary>The DFS's yearly cap across a member's payslips: a second payslip in the year deducts only what the first left.</summary>
public class DfsYearlyCapTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task SecondPayslipOfTheYear_DeductsWhatIsLeftOfTheCap()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 20_000_000);
        var large = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 2), gross: "40000") with { Dfs = "dramatic" });
        var small = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 4), gross: "5000") with { Dfs = "dramatic" });

        factory.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(2, (await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 5), Actor.System))).Computed);
        Task<decimal> SocialBaseAsync(JobView job) => factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Partage.Persistence.PartageDbContext>();
            var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Payslip>(), p => p.JobId == job.Id);
            return JsonSerializer.Deserialize<PayrollResult>(row.ResultJson, PayrollJson.Options)!.SocialBase;
        });

        Assert.Equal(40_000m - 7_200m, await SocialBaseAsync(large));   // 18 % of 40,000: 7,200, within the 7,600 cap
        Assert.Equal(5_000m - 400m, await SocialBaseAsync(small));      // 18 % would be 900: only the 400 left of the cap
    }
}

/// <summary>The cooperative's AT/MP rate is the dated row of the month computed, not a server setting.</summary>
public class CooperativeAtMpTests
{
    [Fact]
    public void EachMonth_TakesTheRateOfItsMonth_NoneBeforeTheFirstRow()
    {
        var catalog = ParameterCatalog.Default.With([new ParameterValue(PayrollEmployerOptions.AtMpRateCode, new DateOnly(2027, 1, 1), 0.0208m, "Notification CARSAT 2027", IsSetting: true)]);
        var options = new PayrollEmployerOptions();
        Assert.Equal(0.0123m, options.ToInput(catalog, new DateOnly(2026, 12, 1)).AtMpRate);
        Assert.Equal(0.0208m, options.ToInput(catalog, new DateOnly(2027, 1, 1)).AtMpRate);
        var before = options.ToInput(catalog, new DateOnly(2025, 12, 1));
        Assert.Null(before.AtMpRate);
        var request = new PayrollRequest("2025-12", before, new EmployeeInput("regime_general", false, null),
            new ContractInput("CDD", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)), new WorkInput(151.67m, null, null), 2_000m);
        Assert.Contains("employer.at_mp_rate", Assert.Throws<InputValidationException>(() => PayslipEngine.Compute(request, catalog)).Errors.Keys);
    }
}
