using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Providers;

/// <summary>The same persistence tests on SQLite and on a real PostgreSQL server.</summary>
public abstract class ProviderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Migrations_FromEmpty_AllAppliedWithReferenceData()
    {
        await factory.ReadyAsync();
        var (pending, entities, modules) = await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            // The provider's migrations describe the whole model: a change to an entity without its migration fails here.
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration of this provider carries: add one");
            return ((await db.Database.GetPendingMigrationsAsync()).Count(), await db.Set<LegalEntity>().CountAsync(), await db.Set<BusinessModule>().CountAsync());
        });
        Assert.Equal(0, pending);
        Assert.Equal(3, entities);
        Assert.Equal(4, modules);
    }

    [Fact]
    public async Task Registration_TwentyConcurrent_MemberNumbersGapless()
    {
        var world = await World.OfAsync(factory);
        var before = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().MaxAsync(m => m.Number));
        var tag = Guid.NewGuid().ToString("N")[..8];

        var registrations = Enumerable.Range(0, 20).Select(i => Task.Run(() => factory.InScopeAsync(async s =>
            (await s.GetRequiredService<CreateMember>().RegisterAsync(World.NewMember(world.Paris, $"concurrent{i}-{tag}@exemple.fr", World.Password) with { Nir = null }))!)));
        var members = await Task.WhenAll(registrations);

        var numbers = members.Select(m => m.Number).Order().ToList();
        Assert.Equal(Enumerable.Range((int)before + 1, 20).Select(n => (long)n), numbers);
    }

    [Fact]
    public async Task UniqueIndex_RaceOnEmail_MapsToConflictNotServerError()
    {
        await factory.ReadyAsync();
        var violation = await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            var existing = await db.Set<Member>().AsNoTracking().FirstAsync();
            db.Add(new Member
            {
                Id = new MemberId(Guid.CreateVersion7()), Number = 999_999, Email = existing.Email, FirstName = "A", LastName = "B",
                Street = "s", PostalCode = "59000", City = "Lille", TradeCode = "other", OfficeId = existing.OfficeId, BirthDate = new DateOnly(1990, 1, 1),
            });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return DbErrors.IsUniqueViolation(error);
        });
        Assert.True(violation);
    }
}

public abstract class LedgerProviderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private async Task<Partage.App.Modules.Ledger.EntryView> PostOneAsync(string key) =>
        await Ledger.Books.PostAsync(factory, Ledger.Books.Lna, Ledger.Books.D(6, 15), key,
            ("512", Partage.App.Modules.Ledger.Side.Debit, 4_200, null), ("471", Partage.App.Modules.Ledger.Side.Credit, 4_200, null));

    [Theory]
    [InlineData("UPDATE ledger_postings SET amount = amount + 1")]
    [InlineData("DELETE FROM ledger_postings")]
    [InlineData("UPDATE ledger_entries SET label = 'retouche'")]
    [InlineData("DELETE FROM ledger_entries")]
    public async Task PostedEntries_UpdateOrDeleteBySql_RefusedByTheDatabase(string sql)
    {
        await Ledger.Books.OpenAsync(factory);
        await PostOneAsync(Guid.NewGuid().ToString("N"));
        var error = await Record.ExceptionAsync(() => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Database.ExecuteSqlRawAsync(sql)));
        Assert.NotNull(error);
        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        var check = await factory.InScopeAsync(s => s.GetRequiredService<Partage.App.Modules.Ledger.Features.CheckBooks>().HandleAsync(null));
        Assert.True(check.IsBalanced);
    }

    private Task<Partage.App.Modules.Ledger.EntryView> PostNovemberAsync(string key, long cents) =>
        Ledger.Books.PostAsync(factory, Ledger.Books.Lna, Ledger.Books.D(11, 3), key,
            ("512", Partage.App.Modules.Ledger.Side.Debit, cents, null), ("471", Partage.App.Modules.Ledger.Side.Credit, cents, null));

    /// <summary>A single post is not looked up before it is written (one query fewer): its replays still answer with the entry.</summary>
    [Fact]
    public async Task SinglePost_ReplayedConcurrentlyAndAfterItsMonthClosed_AnsweredWithTheOneEntry()
    {
        await Ledger.Books.OpenAsync(factory);
        var key = Guid.NewGuid().ToString("N");
        var entries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostNovemberAsync(key, 900))));
        Assert.Single(entries.Select(e => e.Id).Distinct());
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Partage.App.Modules.Ledger.JournalEntry>().CountAsync(e => e.IdempotencyKey == key)));

        var reused = await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => PostNovemberAsync(key, 901));
        Assert.Equal(Partage.App.Modules.Ledger.LedgerErrors.IdempotencyKeyReused, reused.Error);

        await factory.InScopeAsync(async s =>
        {
            await s.GetRequiredService<Partage.App.Modules.Ledger.Features.CloseMonth>().HandleAsync("LNA", "2026-11", Partage.App.Security.Actor.System);
            return 0;
        });
        var replay = await PostNovemberAsync(key, 900);
        Assert.Equal((entries[0].Id, entries[0].Number), (replay.Id, replay.Number));
        Assert.Equal(Partage.App.Modules.Ledger.LedgerErrors.IdempotencyKeyReused, (await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => PostNovemberAsync(key, 901))).Error);
        Assert.Equal(Partage.App.Modules.Ledger.LedgerErrors.PeriodClosed,
            (await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => PostNovemberAsync(Guid.NewGuid().ToString("N"), 900))).Error);
    }

    [Fact]
    public async Task PostingAboveTheBound_RefusedByTheLedgerAndByTheDatabase()
    {
        await Ledger.Books.OpenAsync(factory);
        var refused = await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => Ledger.Books.PostAsync(factory, Ledger.Books.Lna, Ledger.Books.D(6, 15), Guid.NewGuid().ToString("N"),
            ("512", Partage.App.Modules.Ledger.Side.Debit, Partage.Kernel.Money.MaxCents + 1, null), ("471", Partage.App.Modules.Ledger.Side.Credit, Partage.Kernel.Money.MaxCents + 1, null)));
        Assert.Equal(Partage.App.Modules.Ledger.LedgerErrors.AmountTooLarge, refused.Error);

        // Written by SQL past the application: the database refuses it too (a trigger on SQLite, a CHECK on PostgreSQL).
        var entry = await PostOneAsync(Guid.NewGuid().ToString("N"));
        var error = await Record.ExceptionAsync(() => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO ledger_postings (id, entry_id, line_number, account_id, side, amount, accounting_date) VALUES ({Guid.CreateVersion7()}, {entry.Id.Value}, 9, {entry.Lines[0].AccountId.Value}, 'D', {Partage.Kernel.Money.MaxCents + 1}, {entry.Date})")));
        Assert.NotNull(error);
        Assert.Matches("amount_bound|above 1,000,000,000", error.Message);
    }

    [Fact]
    public async Task EntryNumbers_TwentyConcurrentPosters_Gapless()
    {
        await Ledger.Books.OpenAsync(factory);
        var posts = Enumerable.Range(0, 20).Select(_ => Task.Run(() => PostOneAsync(Guid.NewGuid().ToString("N"))));
        var numbers = (await Task.WhenAll(posts)).Select(e => e.Number).Order().ToList();
        Assert.Equal(Enumerable.Range((int)numbers[0], 20).Select(n => (long)n), numbers);
        var all = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Partage.App.Modules.Ledger.JournalEntry>()
            .Where(e => e.JournalCode == "OD" && e.LegalEntityId == Ledger.Books.Lna).Select(e => e.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(Enumerable.Range(1, all.Count).Select(n => (long)n), all);
    }

    [Fact]
    public async Task InvoiceNumbers_TwentyConcurrentIssuers_GaplessAndChronological()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Invoicing.Sales.FrenchClientAsync(factory);
        var drafts = new List<InvoiceId>();
        for (var i = 0; i < 20; i++)
        {
            drafts.Add((await Invoicing.Sales.DraftAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ($"Prestation {i}", "1", "C62", "10", null)))).Id);
        }

        var issued = await Task.WhenAll(drafts.Select(id => Task.Run(() => Invoicing.Sales.IssueAsync(factory, id))));
        var numbers = issued.Select(i => int.Parse(i.Number![^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
        var all = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Partage.App.Modules.Invoicing.Invoice>()
            .Where(i => i.LegalEntityId == Ledger.Books.Lna && i.Number != null).Select(i => i.Number!).ToListAsync());
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }
}

public sealed class SqliteLedgerProviderTests(PartageFactory factory) : LedgerProviderTests<PartageFactory>(factory);

public sealed class PostgresLedgerProviderTests(PostgresFactory factory) : LedgerProviderTests<PostgresFactory>(factory)
{
    private readonly PostgresFactory factory = factory;

    [Fact]
    public async Task UnbalancedEntryWrittenBySql_RefusedAtCommit()
    {
        await Ledger.Books.OpenAsync(factory);
        var entry = await Ledger.Books.PostAsync(factory, Ledger.Books.Lna, Ledger.Books.D(6, 16), Guid.NewGuid().ToString("N"),
            ("512", Partage.App.Modules.Ledger.Side.Debit, 100, null), ("471", Partage.App.Modules.Ledger.Side.Credit, 100, null));
        var error = await Record.ExceptionAsync(() => factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var account = entry.Lines[0].AccountId.Value;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO ledger_postings (id, entry_id, line_number, account_id, side, amount, accounting_date) VALUES ({Guid.CreateVersion7()}, {entry.Id.Value}, 3, {account}, 'D', 1, {entry.Date})");
            await tx.CommitAsync();
            return 0;
        }));
        Assert.NotNull(error);
        Assert.Contains("unbalanced", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteProviderTests(EmptySqliteFactory factory) : ProviderTests<EmptySqliteFactory>(factory);

public sealed class PostgresProviderTests(PostgresFactory factory) : ProviderTests<PostgresFactory>(factory);
