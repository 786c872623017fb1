using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Invoicing.Platform;

/// <summary>A test server pointed at the stand-in platform (Prism in front of the scripted platform), with the rounds a test runs.</summary>
internal sealed class PlatformFactory(PlatformStandIn standIn, Provider provider = Provider.Sqlite) : PartageFactory(provider)
{
    public const string WebhookSecret = "secret-des-rappels";

    /// <summary>
    /// The files Partage handed to the platform, as they left it. Prism's proxy forwards a multipart body
    /// as text, which spoils a PDF on its way to the scripted platform; the Factur-X is checked as sent.
    /// </summary>
    public ConcurrentQueue<(string Name, byte[] Content)> Sent { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient<IEInvoicingPlatform, AfnorPlatform>()
            .AddHttpMessageHandler(() => new Recorder(Sent)).AddHttpMessageHandler(() => new PdfDownloads(standIn)));
        builder.UseSetting("EInvoicing:PlatformUrl", standIn.Flows.Url);
        builder.UseSetting("EInvoicing:DirectoryUrl", standIn.Directory.Url);
        builder.UseSetting("EInvoicing:TokenUrl", standIn.Platform.Url + "/token");
        builder.UseSetting("EInvoicing:ClientId", ScriptedPlatform.ClientId);
        builder.UseSetting("EInvoicing:ClientSecret", ScriptedPlatform.ClientSecret);
        builder.UseSetting("EInvoicing:WebhookSecret", WebhookSecret);
    }

    public static Task<PlatformRound> SendAsync(PartageFactory factory) => factory.InScopeAsync(s => s.GetRequiredService<SendPlatformFlows>().HandleAsync(Actor.System));

    public static Task<PlatformReceipt> ReceiveAsync(PartageFactory factory) => factory.InScopeAsync(s => s.GetRequiredService<ReceivePlatformFlows>().HandleAsync(Actor.System));

    public static Task<LegalEntityView> EntityAsync(PartageFactory factory, string code) =>
        factory.InScopeAsync(async s => (await s.GetRequiredService<ILegalEntitiesApi>().ListAsync()).Single(e => e.Code == code));

    /// <summary>
    /// Prism's proxy hands a binary answer back as text, which spoils a PDF: the download of a Factur-X PDF goes to the
    /// scripted platform directly. The same call for an XML flow (CII, UBL, CDAR) still passes through Prism's checks.
    /// </summary>
    private sealed class PdfDownloads(PlatformStandIn standIn) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var id = path[(path.LastIndexOf('/') + 1)..];
            if (request.Method == HttpMethod.Get && path.Contains("/v1/flows/", StringComparison.Ordinal)
                && standIn.Platform.Flows.TryGetValue(id, out var flow) && flow.ContentType == "application/pdf")
            {
                request.RequestUri = new Uri($"{standIn.Platform.Url}/v1/flows/{id}{request.RequestUri.Query}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Recorder(ConcurrentQueue<(string Name, byte[] Content)> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is MultipartFormDataContent parts)
            {
                foreach (var part in parts.Where(p => p.Headers.ContentDisposition?.FileName is not null))
                {
                    sent.Enqueue((part.Headers.ContentDisposition!.FileName!.Trim('"'), await part.ReadAsByteArrayAsync(cancellationToken)));
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
