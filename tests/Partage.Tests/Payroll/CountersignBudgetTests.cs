using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// Two jobs declared together may each fit the budget and not both: the budget is checked again at countersignature,
/// held, so that countersignatures at once spend it one after the other. On both databases.
/// </summary>
public abstract class CountersignBudgetTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    /// <summary>Signed jobs on the activity, which can then pay one and a half of them.</summary>
    private async Task<IReadOnlyList<JobView>> SignedJobsForOneAndAHalfAsync(ActivityId activity, int count)
    {
        await Hiring.FundAsync(factory, activity, 2_000_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var jobs = new List<JobView>();
        for (var i = 0; i < count; i++)
        {
            var job = await Hiring.DeclareAsync(factory, Hiring.Artist(activity, Hiring.NextDay()), member);
            jobs.Add(await Hiring.SignAsync(factory, job, member));
        }

        var budget = await BudgetAsync(factory, activity);
        var spend = (budget.Available + budget.InvoicedUnpaid).Cents - (jobs[0].EmployerCost.Cents * 3 / 2);
        await PostAsync(factory, Lna, D(11, 25), $"depense-{Guid.NewGuid():N}", ("641", Side.Debit, spend, activity), ("421", Side.Credit, spend, null));
        return jobs;
    }

    private Task<JobView> CountersignAsync(JobView job) => Hiring.CountersignAsync(factory, job);

    [Fact]
    public async Task SecondCountersignature_OverTheBudgetLeft_RefusedWithTheFigures_TheContractStaysSigned()
    {
        var world = await OpenAsync(factory);
        var committedBefore = (await BudgetAsync(factory, world.LilleActivity)).Committed;
        var jobs = await SignedJobsForOneAndAHalfAsync(world.LilleActivity, 2);
        var (first, second) = (jobs[0], jobs[1]);
        Assert.Equal(JobStatus.Countersigned, (await CountersignAsync(first)).Status);

        var refused = await Assert.ThrowsAsync<DomainException>(() => CountersignAsync(second));
        Assert.Equal(PayrollErrors.BudgetExceeded, refused.Error);
        Assert.Contains("coût employeur", refused.Message, StringComparison.Ordinal);
        var still = await factory.InScopeAsync(s => s.GetRequiredService<GetJob>().HandleAsync(second.Id, Actor.System));
        Assert.Equal(JobStatus.Signed, still.Status);
        var events = await factory.InScopeAsync(s => s.GetRequiredService<ListComplianceEvents>().HandleAsync(null, null, "refused", new App.Infrastructure.PageRequest(1, 100), Actor.System));
        Assert.Contains(events.Items, e => e.JobId == second.Id && e.Rule == ComplianceRules.Budget && e.Step == ComplianceLog.Countersignature);   // kept, though the request failed
        Assert.Equal(committedBefore + first.EmployerCost, (await BudgetAsync(factory, world.LilleActivity)).Committed);   // only the first is committed
    }

    [Fact]
    public async Task FourCountersignaturesAtOnce_OnlyOneSpendsTheBudget()
    {
        var world = await OpenAsync(factory);
        var activity = world.LilleActivity;
        var committedBefore = (await BudgetAsync(factory, activity)).Committed;
        var jobs = await SignedJobsForOneAndAHalfAsync(activity, 4);

        var staff = await factory.ActorAsync(World.Payroll);
        var signatures = new List<SignatureInput>();
        foreach (var job in jobs)
        {
            signatures.Add(await Hiring.CountersignatureAsync(factory, job, staff));   // each code asked first, then all typed at once
        }

        var results = await Task.WhenAll(jobs.Select((job, i) => (job.Id, Signature: signatures[i])).Select(async x =>
        {
            try
            {
                return (await factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(x.Id, x.Signature, null, staff))).Status.ToString();
            }
            catch (DomainException e)
            {
                return e.Error.Code;
            }
        }));

        Assert.Equal(["Countersigned", "payroll.budget_exceeded", "payroll.budget_exceeded", "payroll.budget_exceeded"], results.Order(StringComparer.Ordinal));
        Assert.Equal(committedBefore + jobs[0].EmployerCost, (await BudgetAsync(factory, activity)).Committed);
    }
}

public sealed class SqliteCountersignBudgetTests(PartageFactory factory) : CountersignBudgetTests<PartageFactory>(factory);

public sealed class PostgresCountersignBudgetTests(PostgresFactory factory) : CountersignBudgetTests<PostgresFactory>(factory);
