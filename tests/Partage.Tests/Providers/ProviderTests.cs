using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
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

        var registrations = Enumerable.Range(0, 20).Select(i => Task.Run(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Paris, $"concurrent{i}-{tag}@exemple.fr", World.Password) with { Nir = null }, Actor.Anonymous))));
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

public sealed class SqliteProviderTests(PartageFactory factory) : ProviderTests<PartageFactory>(factory);

public sealed class PostgresProviderTests(PostgresFactory factory) : ProviderTests<PostgresFactory>(factory);
