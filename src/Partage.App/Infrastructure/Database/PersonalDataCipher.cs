using System.Diagnostics;
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
/// <see cref="UpgradeAsync"/> rewrites it, at each start.
/// </summary>
public static class PersonalDataCipher
{
    public const string Prefix = "enc1:";

    /// <summary>The column width: the prefix and the base64 of nonce, tag and value (an IBAN's 34 characters at most).</summary>
    public const int MaxLength = 120;

    /// <summary>The working keys of the current key, then those of the keys being replaced (read, never written).</summary>
    private static (byte[] Encryption, byte[] Nonce)[] keys = [];

    public static readonly ValueConverter<string, string> Converter = new(v => Encrypt(v), v => Decrypt(v));

    /// <summary>
    /// Reads the keys once at start; a missing key only fails when a value must be encrypted or decrypted. To change the
    /// key, the new one becomes `Security:PersonalDataKey` and the old one goes to `Security:PreviousPersonalDataKeys`
    /// (several, separated by commas): values under an old key are read, and rewritten under the new one at the start.
    /// </summary>
    public static void Configure(string? base64Key, string? previousBase64Keys = null)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            return;
        }

        var previous = (previousBase64Keys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        keys = [Derive(base64Key, "Security:PersonalDataKey"), .. previous.Select(k => Derive(k, "Security:PreviousPersonalDataKeys"))];
    }

    private static (byte[] Encryption, byte[] Nonce) Derive(string base64Key, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} doit être 32 octets aléatoires en base64 (openssl rand -base64 32).");
        }

        if (key.Length != 32)
        {
            throw new InvalidOperationException($"{setting} doit faire 32 octets (openssl rand -base64 32).");
        }

        return (HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: encryption"u8.ToArray()),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "Partage personal data: nonce"u8.ToArray()));
    }

    public static string Encrypt(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Prefix + WebEncoders.Base64UrlEncode(Seal(Encoding.UTF8.GetBytes(value), 0));
    }

    public static string Decrypt(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;   // written before encryption: rewritten by the next migration's upgrade
        }

        return Encoding.UTF8.GetString(Open(WebEncoders.Base64UrlDecode(stored[Prefix.Length..]), 0));
    }

    /// <summary>
    /// Files kept as they were filed (the DSN): the same encryption, behind four bytes no DSN begins with (a DSN is text
    /// starting with « S10 »), so a file stored before encryption is told apart and read as it is.
    /// </summary>
    public static readonly ValueConverter<byte[], byte[]> FileConverter = new(v => EncryptFile(v), v => DecryptFile(v));

    private static readonly byte[] FileMark = [0x00, (byte)'P', (byte)'D', (byte)'1'];

    public static byte[] EncryptFile(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sealedContent = Seal(content, FileMark.Length);
        FileMark.CopyTo(sealedContent, 0);
        return sealedContent;
    }

    public static byte[] DecryptFile(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.AsSpan().StartsWith(FileMark) ? Open(stored, FileMark.Length) : stored;
    }

    /// <summary>Nonce (12 bytes, an HMAC of the value), tag (16) and encrypted value, after <paramref name="offset"/> bytes left free.</summary>
    private static byte[] Seal(byte[] plain, int offset)
    {
        var (encryption, nonceKey) = Keys[0];
        var sealedValue = new byte[offset + 12 + 16 + plain.Length];
        var nonce = HMACSHA256.HashData(nonceKey, plain).AsSpan(0, 12);
        nonce.CopyTo(sealedValue.AsSpan(offset));
        using var aes = new AesGcm(encryption, 16);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(offset + 28), sealedValue.AsSpan(offset + 12, 16));
        return sealedValue;
    }

    /// <summary>Opens with the current key, else with a previous one: the tag tells which key sealed the value.</summary>
    private static byte[] Open(byte[] sealedValue, int offset)
    {
        var plain = new byte[sealedValue.Length - offset - 28];
        foreach (var (encryption, _) in Keys)
        {
            using var aes = new AesGcm(encryption, 16);
            try
            {
                aes.Decrypt(sealedValue.AsSpan(offset, 12), sealedValue.AsSpan(offset + 28), sealedValue.AsSpan(offset + 12, 16), plain);
                return plain;
            }
            catch (AuthenticationTagMismatchException) when (encryption != Keys[^1].Encryption)
            {
                // sealed under another of the keys: try the next one
            }
        }

        throw new UnreachableException();
    }

    private static (byte[] Encryption, byte[] Nonce)[] Keys =>
        keys.Length > 0 ? keys : throw new InvalidOperationException("Security:PersonalDataKey manquant : la clé qui chiffre NIR et IBAN est obligatoire.");

    /// <summary>The encrypted text columns, by table, as SQL knows them, with the rows concerned.</summary>
    private static readonly (string Table, string Column, string Rows)[] Encrypted =
    [
        ("members", "nir", "TRUE"), ("members", "iban", "TRUE"), ("employer_staff", "nir", "TRUE"), ("employer_staff", "iban", "TRUE"),
        ("user_tokens", "value", "login_provider = '[AspNetUserStore]' AND name = 'AuthenticatorKey'"),
    ];

    /// <summary>
    /// Encrypts the values and files stored in clear before this version, and, while previous keys are configured,
    /// rewrites under the current key those sealed under an old one. Idempotent: run at each start after the migrations.
    /// </summary>
    public static async Task<int> UpgradeAsync(PartageDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rotating = Keys.Length > 1;
        var rewritten = 0;
#pragma warning disable EF1002, EF1003 // table, column and row conditions are constants of this class, never input
        foreach (var (table, column, rows) in Encrypted)
        {
            // One value always encrypts alike, so rows are rewritten by their value.
            var stored = await db.Database.SqlQueryRaw<LegacyValue>(
                $"SELECT DISTINCT {column} AS value FROM {table} WHERE {column} IS NOT NULL AND {rows}" + (rotating ? string.Empty : $" AND {column} NOT LIKE '{Prefix}%'")).ToListAsync(ct);
            foreach (var value in stored.Select(l => l.Value))
            {
                var current = Encrypt(Decrypt(value));
                if (current != value)
                {
                    rewritten += await db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET {column} = {{0}} WHERE {column} = {{1}} AND {rows}", [current, value], ct);
                }
            }
        }

        var files = await db.Database.SqlQueryRaw<LegacyFile>(
            "SELECT CAST(id AS TEXT) AS id, content AS content FROM payroll_dsn_filings" + (rotating ? string.Empty : " WHERE substr(content, 1, 4) <> {0}"), FileMark).ToListAsync(ct);
        foreach (var file in files)
        {
            var current = EncryptFile(DecryptFile(file.Content));
            if (!current.AsSpan().SequenceEqual(file.Content))
            {
                rewritten += await db.Database.ExecuteSqlRawAsync("UPDATE payroll_dsn_filings SET content = {0} WHERE CAST(id AS TEXT) = {1}", [current, file.Id], ct);
            }
        }
#pragma warning restore EF1002, EF1003

        return rewritten;
    }

    private sealed class LegacyValue
    {
        public string Value { get; init; } = string.Empty;
    }

    private sealed class LegacyFile
    {
        public string Id { get; init; } = string.Empty;

        public byte[] Content { get; init; } = [];
    }
}
