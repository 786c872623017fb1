using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Members;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Payroll;
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
        Assert.True(await factory.InScopeAsync(s => PersonalDataCipher.UpgradeAsync(s.GetRequiredService<PartageDbContext>())) >= 1);
        Assert.Equal(iban, (await StoredAsync(member.Id)).Iban);   // deterministic: the same ciphertext as when written by the platform
        Assert.Equal("FR7630006000011234567890189", (await factory.InScopeAsync(s => s.GetRequiredService<IMembersApi>().EmployeeAsync(member.Id)))!.Iban);
    }

    /// <summary>
    /// After a change of key (the tests run with <see cref="PartageFactory.PreviousPersonalDataKey"/> as the key being
    /// replaced), a value sealed under the old key reads in clear and is rewritten under the current one at the start;
    /// the DSN files kept as filed and the authenticator keys are encrypted as well, and upgraded from clear alike.
    /// </summary>
    [Fact]
    public async Task OldKeyValues_ReadAndRewrittenUnderTheCurrentKey_DsnFilesAndAuthenticatorKeysEncryptedToo()
    {
        var world = await World.OfAsync(factory);
        var input = World.NewMember(world.Lille, $"rotation-{Guid.NewGuid():N}@exemple.fr") with { Nir = FreshNir() };
        var member = await factory.InScopeAsync(s => s.GetRequiredService<CreateMember>().HandleAsync(input, Actor.System));
        var current = (await StoredAsync(member.Id)).Nir!;
        var nir = input.Nir!;
        var underOldKey = SealedUnderTheOldKey(nir);
        Assert.NotEqual(current, underOldKey);
        await RawAsync("UPDATE members SET nir = {0} WHERE nir = {1}", underOldKey, current);
        Assert.Equal(nir, (await factory.InScopeAsync(s => s.GetRequiredService<IMembersApi>().EmployeeAsync(member.Id)))!.Nir);   // read with the old key

        var content = System.Text.Encoding.ASCII.GetBytes("S10.G00.00.001,'Partage'\nS20.G00.05.001,'01'\n");
        var filing = new DsnFiling { Id = Guid.CreateVersion7(), LegalEntityId = LegalEntitiesReferenceData.Lna, Period = "2001-01", Ordinal = 1, Type = "01", FileName = "dsn.txt", Content = content, CreatedBy = "test" };
        await factory.InScopeAsync(s => { var db = s.GetRequiredService<PartageDbContext>(); db.Add(filing); return db.SaveChangesAsync(); });
        var storedFile = await FileAsync(filing.Id);
        Assert.Equal(new byte[] { 0, (byte)'P', (byte)'D', (byte)'1' }, storedFile[..4]);
        Assert.DoesNotContain("Partage", System.Text.Encoding.ASCII.GetString(storedFile), StringComparison.Ordinal);
        Assert.Equal(content, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<DsnFiling>().AsNoTracking().Where(f => f.Id == filing.Id).Select(f => f.Content).SingleAsync()));
        await RawAsync("UPDATE payroll_dsn_filings SET content = {0} WHERE content = {1}", content, storedFile);   // as kept before encryption

        var (key, _) = await Http.TwoFactorTests.EnrolledAsync(factory, $"totp-{Guid.NewGuid():N}@partage.test", Roles.Member);
        var storedKey = PersonalDataCipher.Encrypt(key);
        Assert.Contains(storedKey, await AuthenticatorKeysAsync());
        Assert.DoesNotContain(key, await AuthenticatorKeysAsync());
        await RawAsync("UPDATE user_tokens SET value = {0} WHERE value = {1}", key, storedKey);

        Assert.True(await factory.InScopeAsync(s => PersonalDataCipher.UpgradeAsync(s.GetRequiredService<PartageDbContext>())) >= 3);
        Assert.Equal(current, (await StoredAsync(member.Id)).Nir);                    // under the current key, found by NIR again
        Assert.Equal(storedFile, await FileAsync(filing.Id));
        Assert.Contains(storedKey, await AuthenticatorKeysAsync());
        Assert.Equal(0, await factory.InScopeAsync(s => PersonalDataCipher.UpgradeAsync(s.GetRequiredService<PartageDbContext>())));
    }

    private Task RawAsync(string sql, params object[] values) => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Database.ExecuteSqlRawAsync(sql, values));

    private Task<byte[]> FileAsync(Guid id) => factory.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PartageDbContext>();
        var key = db.Database.IsNpgsql() ? id.ToString() : id.ToString().ToUpperInvariant();
        return (await db.Database.SqlQueryRaw<StoredFile>("SELECT content AS content FROM payroll_dsn_filings WHERE CAST(id AS TEXT) = {0}", key).SingleAsync()).Content;
    });

    private Task<List<string>> AuthenticatorKeysAsync() => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Database
        .SqlQueryRaw<StoredToken>("SELECT value AS value FROM user_tokens WHERE login_provider = '[AspNetUserStore]' AND name = 'AuthenticatorKey'").Select(t => t.Value).ToListAsync());

    /// <summary>The platform's format written independently: AES-256-GCM under keys derived from the old key, nonce an HMAC of the value.</summary>
    private static string SealedUnderTheOldKey(string value)
    {
        var key = Convert.FromBase64String(PartageFactory.PreviousPersonalDataKey);
        var encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: encryption"u8.ToArray());
        var nonceKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: nonce"u8.ToArray());
        var plain = System.Text.Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[28 + plain.Length];
        HMACSHA256.HashData(nonceKey, plain).AsSpan(0, 12).CopyTo(sealedValue);
        using var aes = new AesGcm(encryption, 16);
        aes.Encrypt(sealedValue.AsSpan(0, 12), plain, sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16));
        return PersonalDataCipher.Prefix + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(sealedValue);
    }

    private sealed class StoredFile
    {
        public byte[] Content { get; init; } = [];
    }

    private sealed class StoredToken
    {
        public string Value { get; init; } = string.Empty;
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
