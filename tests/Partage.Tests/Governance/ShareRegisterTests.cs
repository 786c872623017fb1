using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Governance.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Governance;

/// <summary>The share register with the payroll: a coordinator's three shares deducted from the contracts that allow it, the register and the books agreeing; on both databases.</summary>
public abstract class ShareRegisterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private static readonly LegalEntityId Scic = LegalEntitiesReferenceData.Scic;

    [Fact]
    public async Task Coordinator_ThreeSharesDeducted_FromTheSecondThirdAndFourthContracts_NoneAfter_RegisterAndBooksAgree()
    {
        var world = await OpenAsync(factory);
        var (member, governance, payroll) = (await factory.ActorAsync(World.LilleMemberEmail), await factory.ActorAsync(World.Governance), await factory.ActorAsync(World.Payroll));
        var activity = (await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Régie coopérative", "Régie son des adhérents", Scic.ToString(), BusinessModules.Projects), Actor.System))).Id;
        await PostAsync(factory, Scic, D(11, 20), $"fund-{Guid.NewGuid():N}", ("512", Side.Debit, 1_000_000, null), ("706", Side.Credit, 1_000_000, activity));

        // The member applies (3 shares of 30 €, deducted from wages); a member does not decide; the board's decision admits her.
        var applied = await factory.InScopeAsync(s => s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput(), member));
        Assert.Equal((ShareholderStatus.Applicant, 3, true), (applied.Status, applied.RequestedShares, applied.PaysByDeduction));
        Assert.Equal(GovernanceErrors.AlreadyShareholder, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput(), member)))).Error);
        Assert.Equal(GovernanceErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<DecideApplication>()
            .HandleAsync(applied.Id, new DecideApplicationInput(true, "Moi-même"), member)))).Error);
        var admitted = await factory.InScopeAsync(s => s.GetRequiredService<DecideApplication>().HandleAsync(applied.Id, new DecideApplicationInput(true, "Conseil d'administration du 26/11/2026"), governance));
        Assert.Equal((ShareholderStatus.Admitted, 3, Money.Eur(9_000), Money.ZeroEur), (admitted.Status, admitted.Shares, admitted.Subscribed, admitted.Paid));
        Assert.NotNull(admitted.Number);
        var before = await BalancesAsync();

        // Five contracts; nets of about 80, 150, 300, 120 and 200 € (a technician's 6 hours); the third in her show activity of the SAS (LNA).
        await Hiring.FundAsync(factory, world.LilleActivity, 1_000_000);
        var jobs = new List<JobView>();
        foreach (var (gross, sas) in new[] { ("100", false), ("195", false), ("390", true), ("155", false), ("260", false) })
        {
            jobs.Add(await Hiring.CountersignedAsync(factory, sas ? Hiring.Technician(world.LilleActivity, Hiring.NextDay(), "6", gross)
                : Hiring.Technician(activity, Hiring.NextDay(), "6", gross) with { Production = "recording", Title = "Album des adhérents" }));
        }

        var last = jobs.Max(j => j.End);
        factory.Clock.SetUtcNow(new DateTimeOffset(Max(last.AddDays(1), factory.Today).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(last, Actor.System));
        var payslips = new List<PayslipView>();
        foreach (var job in jobs)
        {
            var payslip = (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, member))).Single();
            if (payslip.Status == PayslipStatus.Computed)
            {
                await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, payroll));
            }

            payslips.Add((await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, member))).Single());
        }

        // Under 100 € net: nothing; then one share (30 €) on each, until the three are paid; nothing after.
        Assert.True(payslips[0].NetPaid < Money.Eur(10_000), $"first net {payslips[0].NetPaid}");
        Assert.All(payslips.Skip(1), p => Assert.True(p.NetPaid >= Money.Eur(10_000), $"net {p.NetPaid}"));
        Assert.Equal([0L, 3_000, 3_000, 3_000, 0], payslips.Select(p => p.Deduction.Cents));
        Assert.All(payslips.Skip(1).Take(3), p => Assert.Equal(ShareDeductions.Label, p.DeductionLabel));

        // The register: three payments by deduction, each naming its payslip; all paid.
        var holder = await factory.InScopeAsync(s => s.GetRequiredService<GetShareholder>().HandleAsync(applied.Id, member));
        Assert.Equal((3, Money.Eur(9_000), Money.Eur(9_000), Money.ZeroEur), (holder.Shares, holder.Subscribed, holder.Paid, holder.Unpaid));
        var deducted = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ShareMovement>().AsNoTracking()
            .Where(m => m.ShareholderId == applied.Id && m.Means == PaymentMeans.PayrollDeduction).Select(m => m.PayslipId).ToListAsync());
        Assert.Equal(payslips.Skip(1).Take(3).Select(p => p.Id.Value).Order(), deducted.Select(id => id!.Value.Value).Order());

        // The books: the capital paid (1013) grew by 90 €, the subscribed-unpaid receivable (109) and 1011 are back to zero for her.
        var after = await BalancesAsync();
        Assert.Equal(-9_000, after["1013"] - before["1013"]);
        Assert.Equal(-9_000, after["109"] - before["109"]);
        Assert.Equal(9_000, after["1011"] - before["1011"]);
        Assert.Equal(holder.Paid.Cents, -(after["1013"] - before["1013"]));
        // The SAS withheld the third for the SCIC: it owes it 30 € (451 on both sides), its 421 settled by the same amount.
        Assert.Equal(3_000, after["451"] - before["451"]);
        Assert.Equal(-3_000, after["LNA 451"] - before["LNA 451"]);

        // The transfer pays the net less the deduction; the payslip prints both.
        var due = payslips.Max(p => p.DueOn);
        factory.Clock.SetUtcNow(new DateTimeOffset(Max(due, factory.Today).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var run = await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(due, Actor.System));
        Assert.Equal(Money.Eur(payslips.Sum(p => p.NetPaid.Cents - p.Deduction.Cents)), run.Total);
        var (_, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetPayslipPdf>().HandleAsync(payslips[1].Id, member));
        Assert.Contains("Souscription de parts sociales : -30,00", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private Task<Dictionary<string, long>> BalancesAsync() => factory.InScopeAsync(async s =>
    {
        var ledger = s.GetRequiredService<ILedgerApi>();
        var balances = new Dictionary<string, long>();
        foreach (var account in new[] { "1011", "1013", "109", "451" })
        {
            balances[account] = (await ledger.BalanceAsync(Scic, account)).Cents;
        }

        balances["LNA 451"] = (await ledger.BalanceAsync(LegalEntitiesReferenceData.Lna, "451")).Cents;

        return balances;
    });
}

public sealed class SqliteShareRegisterTests(December2026Factory factory) : ShareRegisterTests<December2026Factory>(factory);

public sealed class PostgresShareRegisterTests(PostgresDecember2026Factory factory) : ShareRegisterTests<PostgresDecember2026Factory>(factory);
