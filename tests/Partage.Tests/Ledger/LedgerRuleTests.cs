using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

public class LedgerRuleTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private static string Key() => Guid.NewGuid().ToString("N");

    private async Task<DomainException> RefusedAsync(params (string, Side, long, ActivityId?)[] lines) =>
        await Assert.ThrowsAsync<DomainException>(() => PostAsync(factory, Scic, D(6, 10), Key(), lines));

    [Fact]
    public async Task Post_Balanced_NumbersGaplessPerJournalAndYear()
    {
        await OpenAsync(factory);
        var first = await PostAsync(factory, Lna, D(6, 1), Key(), ("512", Side.Debit, 1000, null), ("471", Side.Credit, 1000, null));
        var second = await PostAsync(factory, Lna, D(6, 2), Key(), ("512", Side.Debit, 250, null), ("471", Side.Credit, 250, null));
        Assert.Equal(first.Number + 1, second.Number);
        Assert.Equal(2, second.Lines.Count);
        Assert.Equal("512", second.Lines[0].AccountNumber);
        Assert.Equal(Money.Eur(250), second.TotalDebit);
    }

    [Fact]
    public async Task Post_Unbalanced_RefusedWithAmounts()
    {
        await OpenAsync(factory);
        var error = await RefusedAsync(("512", Side.Debit, 1000, null), ("471", Side.Credit, 999, null));
        Assert.Equal("ledger.unbalanced", error.Error.Code);
        Assert.Contains("9,99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OneLineOrZeroAmount_Refused()
    {
        await OpenAsync(factory);
        Assert.Equal("ledger.too_few_lines", (await RefusedAsync(("512", Side.Debit, 1000, null))).Error.Code);
        Assert.Equal("ledger.non_positive_amount", (await RefusedAsync(("512", Side.Debit, 0, null), ("471", Side.Credit, 0, null))).Error.Code);
    }

    [Fact]
    public async Task Post_AccountOfAnotherEntity_Refused()
    {
        await OpenAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            var lines = new[]
            {
                new PostingLine(await ledger.AccountAsync(Scic, "512"), Side.Debit, Money.Eur(100)),
                new PostingLine(await ledger.AccountAsync(Lna, "471"), Side.Credit, Money.Eur(100)),
            };
            return await ledger.PostAsync(new PostEntryRequest(Scic, "OD", D(6, 3), "x", "test", "x", Key(), lines), Actor.System);
        }));
        Assert.Equal("ledger.unknown_account", error.Error.Code);
    }

    [Fact]
    public async Task Post_NoFiscalYear_Refused()
    {
        await OpenAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            PostAsync(factory, Scic, new DateOnly(2024, 5, 1), Key(), ("512", Side.Debit, 100, null), ("471", Side.Credit, 100, null)));
        Assert.Equal("ledger.no_fiscal_year", error.Error.Code);
        Assert.Contains("01/05/2024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_IntoClosedMonth_RefusedWithClearMessage()
    {
        await OpenAsync(factory);
        await PostAsync(factory, Scic, D(2, 10), Key(), ("512", Side.Debit, 100, null), ("471", Side.Credit, 100, null));
        await factory.InScopeAsync(async s => { await s.GetRequiredService<CloseMonth>().HandleAsync("SCIC", "2026-02", Actor.System); return 0; });

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            PostAsync(factory, Scic, D(2, 20), Key(), ("512", Side.Debit, 100, null), ("471", Side.Credit, 100, null)));
        Assert.Equal("ledger.period_closed", error.Error.Code);
        Assert.Equal("La période 2026-02 est clôturée : aucune écriture ne peut y être passée.", error.Message);
        // Another entity's February stays open.
        await PostAsync(factory, Lna, D(2, 20), Key(), ("512", Side.Debit, 100, null), ("471", Side.Credit, 100, null));
        var again = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s =>
        {
            await s.GetRequiredService<CloseMonth>().HandleAsync("SCIC", "2026-02", Actor.System);
            return 0;
        }));
        Assert.Equal("ledger.period_already_closed", again.Error.Code);
    }

    [Fact]
    public async Task Post_SameIdempotencyKey_ReturnsFirstEntryAndWritesNothing()
    {
        await OpenAsync(factory);
        var key = Key();
        var first = await PostAsync(factory, Scic, D(7, 1), key, ("512", Side.Debit, 700, null), ("471", Side.Credit, 700, null));
        var count = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync());
        var replay = await PostAsync(factory, Scic, D(7, 1), key, ("512", Side.Debit, 700, null), ("471", Side.Credit, 700, null));
        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(first.Number, replay.Number);
        Assert.Equal(count, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync()));

        // The same key with other figures or another date is not a replay: refused, not answered with the first entry.
        var otherAmount = await Assert.ThrowsAsync<DomainException>(() => PostAsync(factory, Scic, D(7, 1), key, ("512", Side.Debit, 701, null), ("471", Side.Credit, 701, null)));
        Assert.Equal(LedgerErrors.IdempotencyKeyReused, otherAmount.Error);
        var otherDate = await Assert.ThrowsAsync<DomainException>(() => PostAsync(factory, Scic, D(7, 2), key, ("512", Side.Debit, 700, null), ("471", Side.Credit, 700, null)));
        Assert.Equal(LedgerErrors.IdempotencyKeyReused, otherDate.Error);
    }

    private Task<IReadOnlyList<EntryView>> PostManyAsync(params (DateOnly Date, string Key, long Debit, long Credit)[] entries) =>
        factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            var bank = await ledger.AccountAsync(Scic, "512");
            var suspense = await ledger.AccountAsync(Scic, "471");
            return await ledger.PostManyAsync(entries.Select(e => new PostEntryRequest(Scic, "OD", e.Date, "Lot", "test", e.Key, e.Key,
                [new PostingLine(bank, Side.Debit, Money.Eur(e.Debit)), new PostingLine(suspense, Side.Credit, Money.Eur(e.Credit))])).ToList(), Actor.System);
        });

    private Task<int> EntryCountAsync() =>
        factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync());

    [Fact]
    public async Task PostMany_ConsecutiveNumbers_ReplayedKeysAnswerWithTheirEntry()
    {
        await OpenAsync(factory);
        var earlier = await PostAsync(factory, Scic, D(9, 1), Key(), ("512", Side.Debit, 100, null), ("471", Side.Credit, 100, null));
        var (a, b, c) = (Key(), Key(), Key());
        var batch = await PostManyAsync((D(9, 2), a, 100, 100), (D(9, 2), b, 200, 200), (D(9, 3), c, 300, 300));
        Assert.Equal([earlier.Number + 1, earlier.Number + 2, earlier.Number + 3], batch.Select(e => e.Number));
        Assert.Equal([Money.Eur(100), Money.Eur(200), Money.Eur(300)], batch.Select(e => e.TotalDebit));

        var count = await EntryCountAsync();
        var d = Key();
        var again = await PostManyAsync((D(9, 2), b, 200, 200), (D(9, 4), d, 400, 400));
        Assert.Equal(batch[1].Id, again[0].Id);
        Assert.Equal(batch[2].Number + 1, again[1].Number);
        Assert.Equal(count + 1, await EntryCountAsync());
    }

    [Fact]
    public async Task PostMany_OneBadEntry_NothingPosted()
    {
        await OpenAsync(factory);
        await factory.InScopeAsync(async s => { await s.GetRequiredService<CloseMonth>().HandleAsync("SCIC", "2026-03", Actor.System); return 0; });
        var count = await EntryCountAsync();

        var unbalanced = await Assert.ThrowsAsync<DomainException>(() => PostManyAsync((D(9, 5), Key(), 100, 100), (D(9, 5), Key(), 100, 99)));
        Assert.Equal("ledger.unbalanced", unbalanced.Error.Code);
        var closed = await Assert.ThrowsAsync<DomainException>(() => PostManyAsync((D(9, 5), Key(), 100, 100), (D(3, 5), Key(), 100, 100)));
        Assert.Equal("ledger.period_closed", closed.Error.Code);
        var key = Key();
        var sameKeyTwice = await Assert.ThrowsAsync<DomainException>(() => PostManyAsync((D(9, 5), key, 100, 100), (D(9, 6), key, 100, 100)));
        Assert.Equal("ledger.idempotency_key_reused", sameKeyTwice.Error.Code);
        Assert.Equal(count, await EntryCountAsync());
    }

    [Fact]
    public async Task Reverse_RestoresBalances_AndOnlyOnce()
    {
        var world = await OpenAsync(factory);
        var activity = world.ParisActivity;
        var initial = await BudgetAsync(factory, activity);
        var sale = await PostAsync(factory, Lna, D(8, 1), Key(), ("411", Side.Debit, 120_000, activity), ("706", Side.Credit, 120_000, activity));
        var before = await BudgetAsync(factory, activity);
        Assert.Equal(initial.Earned + Money.Eur(120_000), before.Earned);

        var reversal = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().ReverseAsync(sale.Id, D(8, 2), "erreur de client", Key(), Actor.System));
        Assert.Equal(sale.Id, reversal.ReversesEntryId);
        Assert.All(reversal.Lines, l => Assert.NotEqual(sale.Lines[l.Line - 1].Side, l.Side));
        Assert.Equal(initial, await BudgetAsync(factory, activity));

        var twice = await Assert.ThrowsAsync<DomainException>(() =>
            factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().ReverseAsync(sale.Id, D(8, 3), "encore", Key(), Actor.System)));
        Assert.Equal("ledger.already_reversed", twice.Error.Code);
        var ofReversal = await Assert.ThrowsAsync<DomainException>(() =>
            factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().ReverseAsync(reversal.Id, D(8, 3), "encore", Key(), Actor.System)));
        Assert.Equal("ledger.reversal_of_reversal", ofReversal.Error.Code);
    }

    [Fact]
    public async Task Check_AfterPostings_BookBalanced()
    {
        await OpenAsync(factory);
        await PostAsync(factory, Scic, D(9, 1), Key(), ("512", Side.Debit, 333, null), ("471", Side.Credit, 111, null), ("706", Side.Credit, 222, null));
        var check = await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync(null));
        Assert.True(check.IsBalanced, string.Join("; ", check.Problems));
        Assert.True(check.Entries > 0);
        Assert.Equal(check.TotalDebitCents, check.TotalCreditCents);
    }
}
