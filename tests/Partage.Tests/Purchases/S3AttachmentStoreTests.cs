using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Purchases.Features;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Purchases;

/// <summary>
/// s3rver (npm, installed by test.sh in tests/validators), a small S3-compatible server in a folder of its own: the
/// stand-in of an object store for the S3 attachment store. It speaks the S3 protocol our client uses (path-style
/// buckets, signed requests) but does not refuse a wrong secret, so the signing is exercised here, not verified.
/// </summary>
public sealed class S3rver : IAsyncLifetime
{
    public const string Bucket = "partage-test";

    public const string Key = "S3RVER";   // s3rver's one key pair (access key and secret alike)

    private Process? process;

    public string Url { get; private set; } = string.Empty;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"partage-s3rver-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(Invoicing.Platform.PrismProxy.Root, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"s3rver is not installed ({cli}): run ./test.sh once, or `npm ci` in tests/validators.");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Directory.CreateDirectory(Folder);
        process = Process.Start(new ProcessStartInfo("node", [cli, "-d", Folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", Bucket, "--silent"])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("s3rver did not start.");
        Url = $"http://127.0.0.1:{port}";
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("s3rver did not listen within 30 s: " + await process.StandardError.ReadToEndAsync());
    }

    public S3AttachmentOptions Options(string prefix = "attachments/") =>
        new() { ServiceUrl = Url, Bucket = Bucket, AccessKey = Key, SecretKey = Key, Prefix = prefix };

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A test server whose attachments go to s3rver, or whose S3 settings are incomplete.</summary>
internal sealed class S3Factory(S3AttachmentOptions settings) : PartageFactory(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:Store", "S3");
        builder.UseSetting("Attachments:S3:ServiceUrl", settings.ServiceUrl);
        builder.UseSetting("Attachments:S3:Bucket", settings.Bucket);
        builder.UseSetting("Attachments:S3:AccessKey", settings.AccessKey);
        builder.UseSetting("Attachments:S3:SecretKey", settings.SecretKey);
        builder.UseSetting("Attachments:S3:Prefix", settings.Prefix);
    }
}

/// <summary>The attachment store on an S3-compatible server: what goes in comes back, by its hash, and only there.</summary>
public sealed class S3AttachmentStoreTests(S3rver s3) : IClassFixture<S3rver>
{
    [Fact]
    public async Task AFile_ComesBackByItsHash_AndAnUnknownOrMalformedKeyIsNull()
    {
        using var client = S3AttachmentStore.Client(s3.Options());
        var store = new S3AttachmentStore(client, Microsoft.Extensions.Options.Options.Create(new AttachmentOptions { Store = "S3", S3 = s3.Options() }));
        var content = Encoding.UTF8.GetBytes($"%PDF-1.4 reçu {Guid.NewGuid()}");
        var hash = await store.PutAsync(content);
        Assert.Equal(Attachments.Hash(content), hash);
        Assert.Equal(hash, await store.PutAsync(content));   // the same file twice: one object, no error
        Assert.Equal(content, await store.GetAsync(hash));
        Assert.Null(await store.GetAsync(Attachments.Hash([1, 2, 3])));
        Assert.Null(await store.GetAsync("../../etc/passwd"));
        Assert.Single(Directory.EnumerateFiles(s3.Folder, "*", SearchOption.AllDirectories), f => f.EndsWith($"{hash}._S3rver_object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMembersReceipt_IsKeptInTheBucket_AndServedBack()
    {
        await using var factory = new S3Factory(s3.Options("recus/"));
        var world = await Ledger.Books.OpenAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\ntrailer << >>\n%%EOF\n");
        var day = factory.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var note = await factory.InScopeAsync(s => s.GetRequiredService<SubmitExpenseNote>()
            .HandleAsync(new(world.LilleActivity.ToString(), day, "Câbles XLR", "Supplies", "45,00", "7,50", null, null), new ReceiptUpload("facture.pdf", pdf), member));
        var (_, _, back) = await factory.InScopeAsync(s => s.GetRequiredService<SearchExpenseNotes>().ReceiptAsync(note.Id, member));
        Assert.Equal(pdf, back);
        Assert.Contains(Directory.EnumerateFiles(s3.Folder, "*", SearchOption.AllDirectories), f => f.Contains(Path.Combine("recus", Attachments.Hash(pdf)[..2]), StringComparison.Ordinal));
        Assert.IsType<S3AttachmentStore>(factory.Services.GetRequiredService<IAttachmentStore>());
    }

    [Fact]
    public async Task AnIncompleteS3Setting_StopsTheStart_NamingWhatIsMissing()
    {
        await using var incomplete = new S3Factory(new S3AttachmentOptions { ServiceUrl = s3.Url, Bucket = S3rver.Bucket });
        var e = Assert.ThrowsAny<OptionsValidationException>(() => incomplete.Services);
        Assert.Contains("Attachments__S3__AccessKey", e.Message, StringComparison.Ordinal);
    }
}
