using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partage.App.Infrastructure;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>Every response carries the security headers (pages, API answers, errors, downloads); cookies are Secure over HTTPS, the proxy's scheme included when trusted.</summary>
public class SecurityHeadersTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private static void AssertHeaders(HttpResponseMessage response, bool contentPolicy = true)
    {
        var what = $"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", what);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", what);
        Assert.True(response.Headers.TryGetValues("Permissions-Policy", out var permissions) && permissions.Single().Contains("camera=()", StringComparison.Ordinal), what);
        Assert.Equal(contentPolicy, response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single() == SecurityHeaders.ContentPolicy);
        if (contentPolicy)
        {
            Assert.Contains("frame-ancestors 'none'", csp!.Single(), StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp!.Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PagesApiErrorsAndDownloads_CarryTheHeaders()
    {
        await World.OfAsync(factory);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        AssertHeaders(await anonymous.GetAsync("/connexion"));                 // a page
        AssertHeaders(await anonymous.GetAsync("/api/v1/members"));           // an API refusal (401, problem details)
        AssertHeaders(await anonymous.GetAsync("/page-qui-n-existe-pas"));    // a page error
        AssertHeaders(await anonymous.GetAsync("/openapi/v1.json"));          // a document
        AssertHeaders(await anonymous.GetAsync("/api/reference"), contentPolicy: false);   // Scalar runs its own scripts
        using var staff = await factory.ClientForAsync(World.Admin);
        var export = await staff.GetAsync("/api/v1/members/export.csv");     // a download
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        AssertHeaders(export);
    }

    [Fact]
    public async Task Cookies_SecureOverHttps_ForwardedSchemeTrustedOnlyWhenSet_HttpsRequiredRedirects()
    {
        await World.OfAsync(factory);
        async Task<IEnumerable<string>> CookiesAsync(WebApplicationFactory<Program> app, string baseAddress, bool forwardedHttps = false)
        {
            using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/connexion");
            if (forwardedHttps)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            var response = await browser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie");
        }

        Assert.All(await CookiesAsync(factory, "https://localhost"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(await CookiesAsync(factory, "http://localhost"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(await CookiesAsync(factory, "http://localhost", forwardedHttps: true), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));   // not trusted by default

        await using var proxied = factory.WithWebHostBuilder(b => b.UseSetting("Security:TrustForwardedHeaders", "true").UseSetting("Security:RequireHttps", "true"));
        Assert.All(await CookiesAsync(proxied, "http://localhost", forwardedHttps: true), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        using var plain = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var redirected = await plain.GetAsync("/connexion");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https", redirected.Headers.Location?.Scheme);
        using var secure = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://partage.example") });   // HSTS is never sent to localhost
        var strict = await secure.GetAsync("/connexion");
        Assert.True(strict.Headers.TryGetValues("Strict-Transport-Security", out var hsts) && hsts.Single().Contains("max-age=", StringComparison.Ordinal));
    }
}

/// <summary>The request log never holds a quote's capability token (whoever reads the logs could answer for the client).</summary>
public class RequestLogTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task QuoteAnswerPath_LoggedWithTheTokenMasked()
    {
        await World.OfAsync(factory);
        await using var logged = factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Information")
            .ConfigureLogging(l => l.AddFakeLogging()));
        using var browser = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string Token = "SECRETJETON0123456789abcdef";
        await browser.GetAsync($"/devis/reponse/{Token}");
        await browser.GetAsync("/connexion");
        var records = logged.Services.GetRequiredService<Microsoft.Extensions.Logging.Testing.FakeLogCollector>().GetSnapshot()
            .Where(r => r.Category?.Contains("HttpLogging", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(records, r => r.Message.Contains("/devis/reponse/[jeton masqué]", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("/connexion", StringComparison.Ordinal));   // other paths as they are
        Assert.DoesNotContain(logged.Services.GetRequiredService<Microsoft.Extensions.Logging.Testing.FakeLogCollector>().GetSnapshot(),
            r => r.Message.Contains(Token, StringComparison.Ordinal));
    }

    /// <summary>An unexpected failure is logged under the route that failed, for the API and for a page, never under the error page's path.</summary>
    [Fact]
    public async Task UnexpectedFailure_LoggedUnderTheFailingRoute()
    {
        await World.OfAsync(factory);
        await using var broken = factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddFakeLogging())
            .ConfigureServices(s => s.AddScoped<Partage.App.Modules.Clients.IClientsApi, BrokenClients>()));
        var id = Guid.NewGuid();
        using var api = await ClientOf(broken, World.Finance);
        using var failed = await api.GetAsync($"/api/v1/clients/{id}");
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failed.StatusCode);
        using var browser = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = BrowserForms.HiddenFields(await browser.GetStringAsync("/connexion"));
        signIn["Email"] = World.Finance;
        signIn["Password"] = World.Password;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/connexion", new FormUrlEncodedContent(signIn))).StatusCode);
        using var page = await browser.GetAsync($"/clients/{id}");
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, page.StatusCode);

        var errors = broken.Services.GetRequiredService<Microsoft.Extensions.Logging.Testing.FakeLogCollector>().GetSnapshot()
            .Where(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error && r.Message.StartsWith("Unhandled exception on", StringComparison.Ordinal)).Select(r => r.Message).ToList();
        Assert.Contains($"Unhandled exception on GET /api/v1/clients/{id}", errors);
        Assert.Contains(errors, e => e.StartsWith($"Unhandled exception on GET /clients/{id} (trace ", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("/erreur", StringComparison.Ordinal));
    }

    private static async Task<HttpClient> ClientOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, string email)
    {
        using var anonymous = server.CreateClient();
        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { Email = email, Password = World.Password });
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client directory that fails as a lost database connection would.</summary>
    private sealed class BrokenClients : Partage.App.Modules.Clients.IClientsApi
    {
        public Task<Partage.App.Modules.Clients.ClientView?> FindAsync(Partage.Kernel.ClientId client, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task<Partage.App.Modules.Clients.ClientView?> FindVisibleAsync(Partage.Kernel.ClientId client, Partage.App.Security.Actor actor, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task LinkMemberAsync(Partage.Kernel.ClientId client, Partage.Kernel.MemberId member, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task<IReadOnlyDictionary<string, int>> CountriesAsync(IReadOnlyCollection<Partage.Kernel.ClientId> ids, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task<IReadOnlyDictionary<Partage.Kernel.ClientId, string>> NamesAsync(IReadOnlyCollection<Partage.Kernel.ClientId> ids, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task<IReadOnlyDictionary<Partage.Kernel.ClientId, Partage.App.Modules.Clients.ClientView>> FindManyAsync(IReadOnlyCollection<Partage.Kernel.ClientId> ids, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");

        public Task<Partage.App.Infrastructure.PagedResult<Partage.App.Modules.Clients.Features.ClientListItem>> SearchAsync(string? search, Partage.App.Infrastructure.PageRequest page, Partage.App.Security.Actor actor, CancellationToken ct = default) => throw new InvalidOperationException("panne simulée");
    }
}
