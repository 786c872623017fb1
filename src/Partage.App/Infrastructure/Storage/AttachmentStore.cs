using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Partage.App.Infrastructure.Storage;

/// <summary>
/// Where the files people and suppliers hand over are kept: <c>Attachments:Store</c> is <c>Local</c> (the default: the
/// folder <c>Attachments:Path</c>, relative to the app's folder unless absolute) or <c>S3</c> (an S3-compatible object
/// store: <c>Attachments:S3:*</c>).
/// </summary>
public sealed class AttachmentOptions
{
    public string Store { get; set; } = "Local";

    public string Path { get; set; } = "data/attachments";

    public S3AttachmentOptions S3 { get; set; } = new();
}

/// <summary>
/// The files Partage keeps beside its database and never in it — suppliers' invoices, receipts. Content-addressed:
/// a file's key is its SHA-256 in hex, so storing the same file twice keeps one copy, and what comes back is provably
/// what went in. A local folder by default, or an S3-compatible object store (<see cref="S3AttachmentStore"/>).
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores the bytes and returns their SHA-256 (lowercase hex), the key to read them again.</summary>
    Task<string> PutAsync(byte[] content, CancellationToken ct = default);

    /// <summary>The bytes stored under that key, or null.</summary>
    Task<byte[]?> GetAsync(string hash, CancellationToken ct = default);
}

public static class Attachments
{
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A key is 64 lowercase hex digits: nothing else reaches the file system.</summary>
    public static bool IsKey(string? hash) => hash is { Length: 64 } && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

/// <summary>The folder store: <c>ab/cd/abcd…</c>, written to a temporary name then moved, so a file is there whole or not at all.</summary>
public sealed class LocalAttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment environment) : IAttachmentStore
{
    private string Root => System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public async Task<string> PutAsync(byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = Attachments.Hash(content);
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, ct);
        File.Move(temporary, path, overwrite: true);
        return hash;
    }

    public async Task<byte[]?> GetAsync(string hash, CancellationToken ct = default)
    {
        if (!Attachments.IsKey(hash))
        {
            return null;
        }

        var path = PathOf(hash);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string PathOf(string hash) => System.IO.Path.Combine(Root, hash[..2], hash[2..4], hash);
}
