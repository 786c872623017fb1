using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// Social security numbers and IBANs are stored encrypted: a copy of the database, or of one of its tables, does not give
/// them away. Deterministic authenticated encryption — AES-256-GCM whose nonce is an HMAC-SHA256 of the value (the SIV
/// construction) — so that one value always encrypts alike: the unique indexes (one member per NIR, one staff member per
/// NIR and employer) and the lookups by NIR keep working in SQL, and only the equality of two values shows. The key is the
/// setting `Security:PersonalDataKey` (32 random bytes, base64), kept outside the database and required outside
/// Development; the two working keys are derived from it (HKDF). A value written before encryption reads as it is until
/// <see cref="EncryptLegacyAsync"/> rewrites it, at each migration.
/// </summary>
public static class PersonalDataCipher
{
    public const string Prefix = "enc1:";

    /// <summary>The column width: the prefix and the base64 of nonce, tag and value (an IBAN's 34 characters at most).</summary>
    public const int MaxLength = 120;

    private static (byte[] Encryption, byte[] Nonce)? keys;

    public static readonly ValueConverter<string, string> Converter = new(v => Encrypt(v), v => Decrypt(v));

    /// <summary>Reads the key once at start; a missing key only fails when a value must be encrypted or decrypted.</summary>
    public static void Configure(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            return;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Security:PersonalDataKey doit être 32 octets aléatoires en base64 (openssl rand -base64 32).");
        }

        if (key.Length != 32)
        {
            throw new InvalidOperationException("Security:PersonalDataKey doit faire 32 octets (openssl rand -base64 32).");
        }

        keys = (HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: encryption"u8.ToArray()),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: nonce"u8.ToArray()));
    }

    public static string Encrypt(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (encryption, nonceKey) = Keys;
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[12 + 16 + plain.Length];
        var nonce = HMACSHA256.HashData(nonceKey, plain).AsSpan(0, 12);
        nonce.CopyTo(sealedValue);
        using var aes = new AesGcm(encryption, 16);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16));
        return Prefix + WebEncoders.Base64UrlEncode(sealedValue);
    }

    public static string Decrypt(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;   // written before encryption: rewritten by the next migration's upgrade
        }

        var sealedValue = WebEncoders.Base64UrlDecode(stored[Prefix.Length..]);
        var plain = new byte[sealedValue.Length - 28];
        using var aes = new AesGcm(Keys.Encryption, 16);
        aes.Decrypt(sealedValue.AsSpan(0, 12), sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private static (byte[] Encryption, byte[] Nonce) Keys =>
        keys ?? throw new InvalidOperationException("Security:PersonalDataKey manquant : la clé qui chiffre NIR et IBAN est obligatoire.");

    /// <summary>The encrypted columns, by table, as SQL knows them.</summary>
    private static readonly (string Table, string[] Columns)[] Encrypted = [("members", ["nir", "iban"]), ("employer_staff", ["nir", "iban"])];

    /// <summary>Encrypts the values stored in clear before this version (idempotent: encrypted values are left alone).</summary>
    public static async Task<int> EncryptLegacyAsync(PartageDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rewritten = 0;
        foreach (var (table, columns) in Encrypted)
        {
            foreach (var column in columns)
            {
#pragma warning disable EF1002 // table and column names are constants of this class, never input
                var legacy = await db.Database.SqlQueryRaw<LegacyValue>(
                    $"SELECT CAST(id AS TEXT) AS id, {column} AS value FROM {table} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{Prefix}%'").ToListAsync(ct);
                foreach (var row in legacy)
                {
                    rewritten += await db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET {column} = {{0}} WHERE CAST(id AS TEXT) = {{1}}", [Encrypt(row.Value), row.Id], ct);
                }
#pragma warning restore EF1002
            }
        }

        return rewritten;
    }

    private sealed class LegacyValue
    {
        public string Id { get; init; } = string.Empty;

        public string Value { get; init; } = string.Empty;
    }
}
