using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

/// <summary>NIR and IBAN are encrypted in the database, read in clear by the platform, still unique; on both databases.</summary>
public abstract class PersonalDataEncryptionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private Task<(string? Nir, string? Iban)> StoredAsync(MemberId id) => factory.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PartageDbContext>();
        var row = await db.Database.SqlQueryRaw<Stored>("SELECT nir AS nir, iban AS iban FROM members WHERE CAST(id AS TEXT) = {0}", Key(db, id)).SingleAsync();
        return (row.Nir, row.Iban);
    });

    private static string Key(PartageDbContext db, MemberId id) => db.Database.IsNpgsql() ? id.Value.ToString() : id.Value.ToString().ToUpperInvariant();

    [Fact]
    public async Task NirAndIban_EncryptedAtRest_ReadInClear_StillUnique_AndLegacyClearValuesUpgraded()
    {
        var world = await World.OfAsync(factory);
        var input = World.NewMember(world.Lille, $"chiffre-{Guid.NewGuid():N}@exemple.fr") with { Nir = FreshNir() };
        var member = await factory.InScopeAsync(s => s.GetRequiredService<CreateMember>().HandleAsync(input, Actor.System));

        var (nir, iban) = await StoredAsync(member.Id);
        Assert.StartsWith(PersonalDataCipher.Prefix, nir, StringComparison.Ordinal);
        Assert.StartsWith(PersonalDataCipher.Prefix, iban, StringComparison.Ordinal);
        Assert.DoesNotContain("30006000011234567890189", iban, StringComparison.Ordinal);
        var clear = await factory.InScopeAsync(s => s.GetRequiredService<IMembersApi>().EmployeeAsync(member.Id));
        Assert.Equal("FR7630006000011234567890189", clear!.Iban);
        Assert.Equal(input.Nir!.Replace(" ", string.Empty, StringComparison.Ordinal), clear.Nir);

        // One member per NIR: the check and the unique index still see two equal numbers.
        await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreateMember>()
            .HandleAsync(input with { Email = $"double-{Guid.NewGuid():N}@exemple.fr" }, Actor.System)));

        // A value written in clear by a version before encryption is encrypted at the next migration, and reads the same.
        await factory.InScopeAsync(s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            return db.Database.ExecuteSqlRawAsync("UPDATE members SET iban = 'FR7630006000011234567890189' WHERE CAST(id AS TEXT) = {0}", Key(db, member.Id));
        });
        Assert.Equal("FR7630006000011234567890189", (await StoredAsync(member.Id)).Iban);
        Assert.True(await factory.InScopeAsync(s => PersonalDataCipher.EncryptLegacyAsync(s.GetRequiredService<PartageDbContext>())) >= 1);
        Assert.Equal(iban, (await StoredAsync(member.Id)).Iban);   // deterministic: the same ciphertext as when written by the platform
        Assert.Equal("FR7630006000011234567890189", (await factory.InScopeAsync(s => s.GetRequiredService<IMembersApi>().EmployeeAsync(member.Id)))!.Iban);
    }

    /// <summary>A woman born in Paris in May 1990 (as <see cref="World.NewMember"/>), with an order number of her own and its key.</summary>
    private static string FreshNir()
    {
        var body = $"29005751{Random.Shared.Next(10, 99)}{Random.Shared.Next(100, 999)}";
        return body + (97 - (long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97)).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Stored
    {
        public string? Nir { get; init; }

        public string? Iban { get; init; }
    }
}

public sealed class SqlitePersonalDataEncryptionTests(PartageFactory factory) : PersonalDataEncryptionTests<PartageFactory>(factory);

public sealed class PostgresPersonalDataEncryptionTests(PostgresFactory factory) : PersonalDataEncryptionTests<PostgresFactory>(factory);
