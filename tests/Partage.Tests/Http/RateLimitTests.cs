using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>
/// Budgets per address on the doors of an account and on the public pages, and failed sign-ins counted per address so
/// that nobody locks another person out. The addresses are told by a trusted proxy's X-Forwarded-For.
/// </summary>
public class RateLimitTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private static HttpRequestMessage From(string address, HttpMethod method, string path, object? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }

    private WebApplicationFactory<Program> Behind(params (string Key, string Value)[] settings) => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Security:TrustForwardedHeaders", "true");
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    [Fact]
    public async Task AccountDoors_OverTheBudget_429WithRetryAfterInFrench_ForThatAddressOnly()
    {
        await World.OfAsync(factory);
        await using var limited = Behind(("Security:AccountRequestsPerMinute", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var refused = await client.SendAsync(From("203.0.113.7", HttpMethod.Post, "/api/v1/auth/token", new { Email = "x@partage.test", Password = "mauvais" }));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var over = await client.SendAsync(From("203.0.113.7", HttpMethod.Post, "/api/v1/registrations", new { }));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var problem = JsonDocument.Parse(await over.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("rate.limited", problem.GetProperty("code").GetString());
        Assert.StartsWith("Trop de demandes depuis votre adresse", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        using var page = await client.SendAsync(From("203.0.113.7", HttpMethod.Get, "/connexion"));   // reading a page costs nothing
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var other = await client.SendAsync(From("203.0.113.8", HttpMethod.Post, "/api/v1/auth/token", new { Email = World.Finance, Password = World.Password }));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PublicPages_OverTheBudget_429PageInFrench()
    {
        await World.OfAsync(factory);
        await using var limited = Behind(("Security:PublicRequestsPerMinute", "2"));
        using var client = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("198.51.100.1", HttpMethod.Get, "/simulateur"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(From("198.51.100.1", HttpMethod.Get, "/devis/reponse/inconnu"))).StatusCode);
        using var over = await client.SendAsync(From("198.51.100.1", HttpMethod.Get, "/simulateur"));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("Trop de demandes depuis votre adresse", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(over.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("198.51.100.2", HttpMethod.Get, "/simulateur"))).StatusCode);
    }

    /// <summary>Three failures from the attacker's address lock that address out of the admin's account, not the admin.</summary>
    [Fact]
    public async Task WrongPasswords_FromOneAddress_LockThatAddressOut_NotTheAccount()
    {
        await World.OfAsync(factory);
        await using var proxied = Behind();
        using var client = proxied.CreateClient();
        async Task<HttpStatusCode> TokenAsync(string address, string password)
        {
            using var answer = await client.SendAsync(From(address, HttpMethod.Post, "/api/v1/auth/token", new { Email = World.Admin, Password = password }));
            return answer.StatusCode;
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("192.0.2.66", "mauvais"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("192.0.2.66", World.Password));   // that address is refused even the right password
        Assert.Equal(HttpStatusCode.OK, await TokenAsync("192.0.2.10", World.Password));             // the admin, from hers, signs in
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, await TokenAsync("192.0.2.66", World.Password));             // the address's block lapses
    }

    /// <summary>A guessing spread over many addresses still locks the account once all their failures reach its limit.</summary>
    [Fact]
    public async Task WrongPasswords_FromManyAddresses_LockTheAccountAtItsOwnLimit()
    {
        await World.OfAsync(factory);
        await using var proxied = Behind(("Security:AccountLockoutMaxFailedAttempts", "6"));
        using var client = proxied.CreateClient();
        async Task<HttpStatusCode> TokenAsync(string address, string password)
        {
            using var answer = await client.SendAsync(From(address, HttpMethod.Post, "/api/v1/auth/token", new { Email = World.Payroll, Password = password }));
            return answer.StatusCode;
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync($"192.0.2.{100 + (i / 2)}", "mauvais"));   // two per address, under its limit of three
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("192.0.2.200", World.Password));
    }
}
