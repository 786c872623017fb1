using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Partage.App.Security;
using Partage.App.Security.Accounts;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>The second factor: TOTP codes by Otp.NET against the platform's clock, single use, recovery codes stored hashed.</summary>
public class TwoFactorTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>A new account with the role, its second factor set up with a first code; its secret and recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledAsync(PartageFactory factory, string email, string role)
    {
        await factory.ReadyAsync();
        return await factory.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PartageUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new PartageUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "Compte double facteur" };
                Assert.True((await users.CreateAsync(user, World.Password)).Succeeded);
                await users.AddToRoleAsync(user, role);
            }

            var setup = s.GetRequiredService<TwoFactorSetup>();
            var key = (await setup.BeginAsync(user)).Key.Replace(" ", string.Empty, StringComparison.Ordinal);
            return (key, await setup.EnableAsync(user, Code(factory, key)));
        });
    }

    public static string Code(PartageFactory factory, string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<(HttpStatusCode Status, string? Code)> TokenAsync(string email, string password, string? code = null, string? recovery = null)
    {
        using var client = factory.CreateClient();
        using var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = email, Password = password, TwoFactorCode = code, TwoFactorRecoveryCode = recovery });
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        return (answer.StatusCode, body.TryGetProperty("code", out var c) ? c.GetString() : body.TryGetProperty("accessToken", out _) ? "token" : null);
    }

    [Fact]
    public async Task Token_WithASecondFactor_NeedsAFreshCodeOrARecoveryCode_EachServingOnce()
    {
        var email = $"finance-2fa-{Guid.NewGuid():N}@partage.test";
        var (key, recovery) = await EnrolledAsync(factory, email, Roles.Finance);
        Assert.Equal(TwoFactorSetup.RecoveryCodeCount, recovery.Count);

        Assert.Equal((HttpStatusCode.Unauthorized, "auth.two_factor_required"), await TokenAsync(email, World.Password));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refused"), await TokenAsync(email, World.Password, "000000"));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refused"), await TokenAsync(email, World.Password, Code(factory, key)));   // the enrolment's code, already used
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Code(factory, key);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refused"), await TokenAsync(email, "Mauvais-Mot-2026", code));
        Assert.Equal((HttpStatusCode.OK, "token"), await TokenAsync(email, World.Password, code));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refused"), await TokenAsync(email, World.Password, code));                // replayed
        Assert.Equal((HttpStatusCode.OK, "token"), await TokenAsync(email, World.Password, recovery: recovery[0]));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.refused"), await TokenAsync(email, World.Password, recovery: recovery[0]));

        var stored = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().UserTokens.Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).ToListAsync());
        Assert.DoesNotContain(stored, v => recovery.Any(r => v!.Contains(r, StringComparison.OrdinalIgnoreCase)));   // hashed, never in clear
    }

    [Fact]
    public async Task Enable_WrongCode_Refused_AndStaffCannotTurnItOffWhenRequired()
    {
        var email = $"membre-2fa-{Guid.NewGuid():N}@partage.test";
        await EnrolledAsync(factory, email, Roles.Member);
        await factory.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PartageUser>>();
            var setup = s.GetRequiredService<TwoFactorSetup>();
            var fresh = new PartageUser { Id = Guid.CreateVersion7(), UserName = $"x{email}", Email = $"x{email}", DisplayName = "X" };
            await users.CreateAsync(fresh, World.Password);
            await setup.BeginAsync(fresh);
            var refused = await Assert.ThrowsAsync<Partage.Kernel.DomainException>(() => setup.EnableAsync(fresh, "123456"));
            Assert.Equal(TwoFactorSetup.CodeRefused, refused.Error);
            Assert.False(fresh.TwoFactorEnabled);
            var member = (await users.FindByEmailAsync(email))!;
            await setup.DisableAsync(member);   // off by the factory's settings, and a member's choice anyway
            Assert.False(member.TwoFactorEnabled);
            return 0;
        });
        Assert.Equal((HttpStatusCode.OK, "token"), await TokenAsync(email, World.Password));
    }
}

/// <summary>A server with `Security:RequireStaffTwoFactor` on, as outside Development.</summary>
public sealed class StaffTwoFactorFactory : PartageFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireStaffTwoFactor", "true");
    }
}

/// <summary>Staff and managers without a second factor reach only its setup; members are not asked; once set up, the API opens.</summary>
public class StaffTwoFactorTests(StaffTwoFactorFactory factory) : IClassFixture<StaffTwoFactorFactory>
{
    [Theory]
    [InlineData(World.Admin)]
    [InlineData(World.Finance)]
    [InlineData(World.Payroll)]
    [InlineData(World.Governance)]
    [InlineData(World.LilleManager)]
    public async Task StaffWithoutSecondFactor_ApiRefused403_PagesLeadToTheSetup(string email)
    {
        await World.OfAsync(factory);
        using var api = await factory.ClientForAsync(email);
        using var refused = await api.GetAsync("/api/v1/offices");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("auth.two_factor_setup_required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var browser = await factory.SignedInBrowserAsync(email);
        using var dashboard = await browser.GetAsync("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/mon-compte/double-authentification", dashboard.Headers.Location?.OriginalString);
        using var setupPage = await browser.GetAsync("/mon-compte/double-authentification");
        Assert.Equal(HttpStatusCode.OK, setupPage.StatusCode);
    }

    [Fact]
    public async Task Member_NotAsked_AndStaffOnceEnrolled_SignInWithTheCode()
    {
        await World.OfAsync(factory);
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/members/me")).StatusCode);

        var email = $"paie-2fa-{Guid.NewGuid():N}@partage.test";
        var (key, _) = await TwoFactorTests.EnrolledAsync(factory, email, Roles.Payroll);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var anonymous = factory.CreateClient();
        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { Email = email, Password = World.Password, TwoFactorCode = TwoFactorTests.Code(factory, key) });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/offices")).StatusCode);
    }
}
