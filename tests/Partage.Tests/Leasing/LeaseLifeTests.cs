using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Leasing;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using Partage.Tests.Payroll;
using static Partage.Tests.Leasing.Leases;

namespace Partage.Tests.Leasing;

/// <summary>A lease from request to transfer, its collection from the budget and by direct debit, and its refusals; on both databases.</summary>
public abstract class LeaseLifeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    // Long method: one lease's whole life, each step asserted on the lease, its postings and the files it produced.
    [Fact]
    public async Task Camera_RequestedApprovedBought_TakenFromTheBudget_ThenDebited_Returned_Retried_PaidOff_Transferred()
    {
        var activity = await FreshActivityAsync(factory, fundedCents: 11_000);
        var (member, finance) = (await factory.ActorAsync(World.LilleMemberEmail), await factory.ActorAsync(World.Finance));
        var firstDue = factory.Today.AddDays(20);
        var lease = await ActiveAsync(factory, activity, firstDue);

        // Bought: the asset on 2154 (video equipment), the VAT deducted, the supplier of fixed assets owed; twelve instalments repaying 1,200 EUR.
        Assert.Equal((LeaseStatus.Active, "2154", 12), (lease.Status, lease.Purchase!.AssetAccount, lease.Instalments.Count));
        Assert.Equal(120_000, lease.Instalments.Sum(i => i.Capital.Cents));
        Assert.Equal(4m, lease.Terms!.AnnualRatePercent);
        var purchase = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().FindEntryAsync(lease.Purchase.EntryId)))!;
        Assert.Equal(
            [("2154", Side.Debit, 120_000L), ("44562", Side.Debit, 24_000L), ("404", Side.Credit, 144_000L)],
            purchase.Lines.Select(l => (l.AccountNumber, l.Side, l.Amount.Cents)));
        Assert.Equal(5, lease.Depreciation.Count);   // four years of video equipment bought in December: a few days of 2026, three full years, the rest in 2030

        var signed = await factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(lease.Id, new SignMandateInput("Camille Martin", "FR14 2004 1010 0505 0001 3M02 606", true), member));
        Assert.Equal($"{lease.Number}-M1", signed.Mandate!.Reference);

        // Fourteen days before the first due date the member is told; on the day, the budget covers it.
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await CollectAsync(factory);
        Assert.Equal(factory.Today, (await GetAsync(factory, lease.Id)).Instalments[0].PrenotifiedOn);
        factory.Clock.Advance(TimeSpan.FromDays(14));
        var before = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(activity));
        await CollectAsync(factory);
        var first = (await GetAsync(factory, lease.Id)).Instalments[0];
        Assert.Equal((InstalmentStatus.Paid, factory.Today), (first.Status, first.CollectedOn));
        var after = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(activity));
        Assert.Equal(before.Available - first.Amount, after.Available);
        var taken = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().FindEntryAsync(first.EntryId!.Value)))!;
        Assert.Equal([("6135", Side.Debit, (ActivityId?)activity), ("7083", Side.Credit, null)], taken.Lines.Select(l => (l.AccountNumber, l.Side, l.ActivityId)));

        // A rerun the same day collects nothing twice.
        var again = await CollectAsync(factory);
        Assert.Equal((0, 0), (again.FromBudget, again.DirectDebited));

        // The second instalment: pre-notified, then not covered by what is left (under 10 EUR): debited from the member's account, in a valid pain.008.
        var second = (await GetAsync(factory, lease.Id)).Instalments[1];
        factory.Clock.Advance(TimeSpan.FromDays(second.DueOn.DayNumber - factory.Today.DayNumber - 14));
        await CollectAsync(factory);
        factory.Clock.Advance(TimeSpan.FromDays(14));
        var run = await CollectAsync(factory);
        var debited = (await GetAsync(factory, lease.Id)).Instalments[1];
        Assert.Equal(InstalmentStatus.DirectDebited, debited.Status);
        var file = Assert.Single(run.Files);
        var content = (await factory.InScopeAsync(s => s.GetRequiredService<GetDirectDebitFile>().HandleAsync(file.Id, finance))).Content;
        var path = Path.Combine(Path.GetTempPath(), $"{file.MessageId}.xml");
        await File.WriteAllBytesAsync(path, content);
        Assert.Empty(await SepaChecker.CheckAsync(path));
        var xml = System.Text.Encoding.UTF8.GetString(content);
        Assert.Contains($"<MndtId>{lease.Number}-M1</MndtId>", xml, StringComparison.Ordinal);
        Assert.Contains("<SeqTp>FRST</SeqTp>", xml, StringComparison.Ordinal);
        Assert.Contains("<Id>FR72ZZZ123456</Id>", xml, StringComparison.Ordinal);
        Assert.Contains($"<InstdAmt Ccy=\"EUR\">{debited.Amount.Amount:0.00}</InstdAmt>".Replace(',', '.'), xml, StringComparison.Ordinal);

        // The bank returns it: the entry is reversed, the instalment is in arrears; money arrives and the next run takes it from the budget.
        var returned = await factory.InScopeAsync(s => s.GetRequiredService<ReturnDirectDebit>().HandleAsync(lease.Id, 2, new ReturnDirectDebitInput("AM04 provision insuffisante"), finance));
        Assert.Equal((1, debited.Amount), (returned.UnpaidInstalments, returned.Arrears));
        await Hiring.FundAsync(factory, activity, 200_000);
        await CollectAsync(factory);
        Assert.Equal(InstalmentStatus.Paid, (await GetAsync(factory, lease.Id)).Instalments[1].Status);

        // Early payoff: the capital still owed, no future interest, from the budget; then the transfer for 1 % of the price, invoiced with VAT.
        var owed = (await GetAsync(factory, lease.Id)).RemainingCapital;
        var paidOff = await factory.InScopeAsync(s => s.GetRequiredService<PayOffLease>().HandleAsync(lease.Id, finance));
        Assert.Equal((LeaseStatus.PaidOff, Money.ZeroEur), (paidOff.Status, paidOff.RemainingCapital));
        Assert.Equal(120_000, paidOff.Instalments.Where(i => i.Status != InstalmentStatus.Cancelled).Sum(i => i.Capital.Cents) + owed.Cents);
        var ended = await factory.InScopeAsync(s => s.GetRequiredService<EndLease>().HandleAsync(lease.Id, finance));
        Assert.Equal(LeaseStatus.Ended, ended.Status);
        Assert.Contains("valeur résiduelle 12,00", ended.ClosingNote, StringComparison.Ordinal);
        var disposal = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(Ledger.Books.Lna, "775"));
        Assert.True(disposal.Cents <= -1_200, $"775 credited by the residual value, balance {disposal}");
    }

    [Fact]
    public async Task Refused_WithAReasonTheMemberReads_AndNothingElseMovesIt()
    {
        var activity = await FreshActivityAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var requested = await RequestedAsync(factory, activity);
        var review = await factory.InScopeAsync(s => s.GetRequiredService<GetLease>().ReviewAsync(requested.Id, manager));
        Assert.True(review.SuggestedMonthly.Cents > 10_000, $"1,200 EUR over 12 months at 4 %: more than 100 EUR a month, got {review.SuggestedMonthly}");
        Assert.Equal(12, review.Months.Count);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetLease>().ReviewAsync(requested.Id, member)));

        await factory.InScopeAsync(s => s.GetRequiredService<RefuseLease>().HandleAsync(requested.Id, new RefuseLeaseInput("Budget insuffisant sur les six derniers mois"), manager));
        var seen = await factory.InScopeAsync(s => s.GetRequiredService<GetLease>().HandleAsync(requested.Id, member));
        Assert.Equal((LeaseStatus.Refused, "Budget insuffisant sur les six derniers mois"), (seen.Status, seen.RefusalReason));
        var late = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveLease>()
            .HandleAsync(requested.Id, new ApproveLeaseInput("12", Day(factory.Today.AddDays(10))), manager)));
        Assert.Equal(LeasingErrors.WrongStatus, late.Error);

        // A member cannot approve their own request, nor see another member's (both 404).
        var other = await RequestedAsync(factory, activity);
        Assert.Equal(LeasingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveLease>()
            .HandleAsync(other.Id, new ApproveLeaseInput("12", Day(factory.Today.AddDays(10))), member)))).Error);
        var paris = await factory.ActorAsync(World.ParisMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetLease>().HandleAsync(other.Id, paris)));
    }

    [Fact]
    public async Task Unfunded_WithoutMandate_GoesToArrears_PauseMovesTheRest_DefaultOnlyFromTheThreshold()
    {
        var activity = await FreshActivityAsync(factory);
        var finance = await factory.ActorAsync(World.Finance);
        var lease = await ActiveAsync(factory, activity, factory.Today.AddDays(3), months: "6", priceExclVat: "600");
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await CollectAsync(factory);
        var unpaid = await GetAsync(factory, lease.Id);
        Assert.Equal((1, unpaid.Instalments[0].Amount), (unpaid.UnpaidInstalments, unpaid.Arrears));

        var early = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<DeclareLeaseDefault>()
            .HandleAsync(lease.Id, new DeclareLeaseDefaultInput("Caméra rendue à l'antenne de Lille"), finance)));
        Assert.Equal(LeasingErrors.NoArrears, early.Error);

        var paused = await factory.InScopeAsync(s => s.GetRequiredService<PauseLease>().HandleAsync(lease.Id, new PauseLeaseInput("2", "Tournée annulée"), finance));
        Assert.Equal(lease.Instalments[1].DueOn.AddMonths(2), paused.Instalments[1].DueOn);
        Assert.Equal(lease.Instalments[0].DueOn, paused.Instalments[0].DueOn);   // the unpaid one stays where it fell
        Assert.Equal(2, paused.PausedMonths);

        // Two more months unpaid reach the threshold of three: the default cancels what is to come and records the recovery.
        foreach (var due in paused.Instalments.Skip(1).Take(2).Select(i => i.DueOn))
        {
            factory.Clock.Advance(TimeSpan.FromDays(due.DayNumber - factory.Today.DayNumber));
            await CollectAsync(factory);
        }

        var defaulted = await factory.InScopeAsync(s => s.GetRequiredService<DeclareLeaseDefault>()
            .HandleAsync(lease.Id, new DeclareLeaseDefaultInput("Caméra rendue à l'antenne de Lille, en bon état"), finance));
        Assert.Equal(LeaseStatus.Defaulted, defaulted.Status);
        Assert.Equal(3, defaulted.Instalments.Count(i => i.Status == InstalmentStatus.Unpaid));
        Assert.Equal(3, defaulted.Instalments.Count(i => i.Status == InstalmentStatus.Cancelled));
        Assert.Contains("rendue", defaulted.ClosingNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedInWords()
    {
        var activity = await FreshActivityAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var bad = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<RequestLease>().HandleAsync(
            new RequestLeaseInput(activity.ToString(), " ", "spaceship", "", "1200", "1000", "60"), null, member)));
        Assert.Equal(["Description", "Kind", "PriceInclVat", "Supplier", "WishedMonths"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("de 6 à 48", bad.Errors["WishedMonths"][0], StringComparison.Ordinal);

        var requested = await RequestedAsync(factory, activity);
        var manager = await factory.ActorAsync(World.LilleManager);
        var approve = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveLease>()
            .HandleAsync(requested.Id, new ApproveLeaseInput("12,5", Day(factory.Today), "5000"), manager)));
        Assert.Equal(["Deposit", "FirstDueOn", "Months"], approve.Errors.Keys.Order(StringComparer.Ordinal));
        var future = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<CollectInstalments>()
            .HandleAsync(new CollectInstalmentsInput(Day(factory.Today.AddDays(1))), Actor.System)));
        Assert.Contains("aujourd'hui ou passée", future.Errors["Date"][0], StringComparison.Ordinal);
    }
}

public sealed class SqliteLeaseLifeTests(December2026Factory factory) : LeaseLifeTests<December2026Factory>(factory);

public sealed class PostgresLeaseLifeTests(PostgresDecember2026Factory factory) : LeaseLifeTests<PostgresDecember2026Factory>(factory);
