using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// Above the setting, a wage batch needs two people: one approves, another releases. On SQLite and PostgreSQL; the
/// class's own server has the threshold lowered to 1 cent so that an ordinary batch is "large".
/// </summary>
public abstract class BatchApprovalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task LargeBatch_NotReleasedAlone_ApprovedByOne_ReleasedByAnother()
    {
        factory.Services.GetRequiredService<IOptions<PayrollOptions>>().Value.SecondApprovalAboveCents = 1;
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 300_000);
        await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 2), days: 2, gross: "500"));
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 4), Actor.System));
        var payroll = await factory.ActorAsync(World.Payroll);
        var admin = await factory.ActorAsync(World.Admin);
        var slip = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().HandleAsync(nameof(PayslipStatus.Computed), new App.Infrastructure.PageRequest(1, 50), payroll))).Items);
        await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(slip.Id, payroll));
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System));
        var batch = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new App.Infrastructure.PageRequest(1, 50), payroll))).Items);

        var alone = await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(batch.Id, payroll));
        Assert.Equal(PayrollErrors.SecondApprovalRequired, alone.Error);

        // Two approvals at the same moment: one is recorded, the other is told the batch is already approved.
        var approvals = await Task.WhenAll(Attempts.CatchAsync(() => ApproveAsync(batch.Id, payroll)), Attempts.CatchAsync(() => ApproveAsync(batch.Id, payroll)));
        Assert.Single(approvals, a => a is null);
        Assert.Single(approvals, a => a is DomainException);
        var self = await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(batch.Id, payroll));
        Assert.Equal(PayrollErrors.SelfRelease, self.Error);

        var released = await ReleaseAsync(batch.Id, admin);
        Assert.Equal((PaymentBatchStatus.Released, World.Payroll, World.Admin), (released.Status, released.ApprovedBy, released.ReleasedBy));
    }

    private Task<PaymentBatchView> ApproveAsync(Guid id, Actor actor) => factory.InScopeAsync(s => s.GetRequiredService<ApproveWageBatch>().HandleAsync(id, actor));

    private Task<PaymentBatchView> ReleaseAsync(Guid id, Actor actor) => factory.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(id, actor));
}

public sealed class SqliteBatchApprovalTests(December2026Factory factory) : BatchApprovalTests<December2026Factory>(factory);

public sealed class PostgresBatchApprovalTests(PostgresDecember2026Factory factory) : BatchApprovalTests<PostgresDecember2026Factory>(factory);
