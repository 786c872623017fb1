using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Partage.App.Infrastructure.Storage;

/// <summary>An S3-compatible object store (AWS, OVHcloud, Scaleway, MinIO, Garage…): its address, bucket, key pair and the prefix of Partage's objects.</summary>
public sealed class S3AttachmentOptions
{
    /// <summary>The service's address (https://s3.fr-par.scw.cloud); empty for AWS itself, found from the region.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string Prefix { get; set; } = "attachments/";

    /// <summary>Addresses the bucket in the path (https://host/bucket/key), which every compatible store accepts; false for virtual-hosted buckets.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>What is missing for the store to work, in the operator's words; empty when complete.</summary>
    public IReadOnlyList<string> Missing() =>
        new[] { (Bucket, "Attachments__S3__Bucket"), (AccessKey, "Attachments__S3__AccessKey"), (SecretKey, "Attachments__S3__SecretKey") }
            .Where(x => string.IsNullOrWhiteSpace(x.Item1)).Select(x => x.Item2).ToList();
}

/// <summary>
/// Attachments as objects <c>{prefix}ab/cd/abcd…</c> of one bucket. Content-addressed as the folder store: an object is
/// written whole by a single PUT (S3 never shows half an object), writing the same file again is harmless, and the
/// readers check the bytes against the hash they keep.
/// </summary>
public sealed class S3AttachmentStore(IAmazonS3 client, IOptions<AttachmentOptions> options) : IAttachmentStore
{
    private S3AttachmentOptions Settings => options.Value.S3;

    public async Task<string> PutAsync(byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = Attachments.Hash(content);
        using var body = new MemoryStream(content, writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Settings.Bucket, Key = KeyOf(hash), InputStream = body, ContentType = "application/octet-stream", AutoCloseStream = false,
            UseChunkEncoding = false,   // a plain signed body: compatible stores do not all read aws-chunked uploads
        }, ct);
        return hash;
    }

    public async Task<byte[]?> GetAsync(string hash, CancellationToken ct = default)
    {
        if (!Attachments.IsKey(hash))
        {
            return null;
        }

        try
        {
            using var found = await client.GetObjectAsync(Settings.Bucket, KeyOf(hash), ct);
            using var buffer = new MemoryStream();
            await found.ResponseStream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private string KeyOf(string hash) => $"{Settings.Prefix}{hash[..2]}/{hash[2..4]}/{hash}";

    /// <summary>The client of the configured store; refused at start when a setting is missing, naming it.</summary>
    public static IAmazonS3 Client(S3AttachmentOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Missing() is { Count: > 0 } missing)
        {
            throw new InvalidOperationException($"Attachments__Store is S3 but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set.");
        }

        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            AuthenticationRegion = settings.Region,
            // Checksums only where S3 requires them: the compatible stores do not all accept the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
        }

        return new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }
}
