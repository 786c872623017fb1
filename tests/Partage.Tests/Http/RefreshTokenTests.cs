using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>Short-lived access tokens, renewed by refresh tokens that serve once: a second use ends every connection of the account; on both databases.</summary>
public abstract class RefreshTokenTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private WebApplicationFactory<Program> Production() => factory.WithWebHostBuilder(b => b.UseSetting("Security:AccessTokenMinutes", "15"));

    private static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<HttpStatusCode> ReadAsync(HttpClient client, string access)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/offices");
        request.Headers.Authorization = new("Bearer", access);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    [Fact]
    public async Task AccessTokenLivesFifteenMinutes_RefreshGivesTheNext_AndASecondUseEndsEverything()
    {
        await World.OfAsync(factory);
        await using var server = Production();
        using var client = server.CreateClient();
        var (access, refresh) = await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Finance, Password = World.Password }));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(client, access));
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, access));

        var (nextAccess, nextRefresh) = await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = refresh }));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(client, nextAccess));
        Assert.NotEqual(refresh, nextRefresh);

        using var reused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = refresh });   // a copy of the first one
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refresh_reused"), (reused.StatusCode, await CodeAsync(reused)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, nextAccess));                          // the owner's connection ends too
        using var afterTheft = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = nextRefresh });
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refresh_refused"), (afterTheft.StatusCode, await CodeAsync(afterTheft)));
        await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Finance, Password = World.Password }));   // a new sign-in works
    }

    [Fact]
    public async Task TwoConcurrentUses_OnlyOneGetsTokens()
    {
        await World.OfAsync(factory);
        await using var server = Production();
        using var client = server.CreateClient();
        var (_, refresh) = await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Payroll, Password = World.Password }));
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = refresh })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task Refresh_RefusedAfterSignOutEverywhere_AndWhenGarbledOrExpired()
    {
        await World.OfAsync(factory);
        await using var server = Production();
        using var client = server.CreateClient();
        var (access, refresh) = await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Governance, Password = World.Password }));
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out"))
        {
            signOut.Headers.Authorization = new("Bearer", access);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);
        }

        using var revoked = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = refresh });
        Assert.Equal("auth.refresh_refused", await CodeAsync(revoked));
        using var garbled = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = "pas-un-jeton" });
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refresh_refused"), (garbled.StatusCode, await CodeAsync(garbled)));
        using var empty = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);

        var (_, fresh) = await TokensAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = World.Governance, Password = World.Password }));
        factory.Clock.Advance(TimeSpan.FromDays(15));
        using var expired = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = fresh });
        Assert.Equal("auth.refresh_refused", await CodeAsync(expired));
    }
}

public sealed class SqliteRefreshTokenTests(PartageFactory factory) : RefreshTokenTests<PartageFactory>(factory);

public sealed class PostgresRefreshTokenTests(PostgresFactory factory) : RefreshTokenTests<PostgresFactory>(factory);
