using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>Password reset by an e-mailed link (one answer for every address, single use, short life), password change, sign-out everywhere.</summary>
public partial class PasswordTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private const string NewPassword = "Nouveau-Mot-2026";

    [GeneratedRegex(@"/mot-de-passe/nouveau\?jeton=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();

    private Task<List<OutboxMessage>> MailsToAsync(string email) => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().Where(m => m.To == email).OrderBy(m => m.CreatedAt).ToListAsync());

    private async Task<string> ResetTokenAsync(string email)
    {
        using var client = factory.CreateClient();
        using var asked = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { Email = email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        return ResetLink().Match((await MailsToAsync(email)).Last().Body).Groups["token"].Value;
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string email, string password)
    {
        using var client = factory.CreateClient();
        using var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = email, Password = password });
        return answer.StatusCode;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task Reset_KnownAndUnknownAddress_OneAnswer_AndOneMailEach()
    {
        await World.OfAsync(factory);
        using var client = factory.CreateClient();
        using var known = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { Email = World.ParisMemberEmail });
        using var unknown = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { Email = "inconnu@exemple.fr" });
        Assert.Equal((HttpStatusCode.Accepted, await known.Content.ReadAsStringAsync()), (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()));

        Assert.Matches(ResetLink(), (await MailsToAsync(World.ParisMemberEmail)).Single().Body);
        var nobody = (await MailsToAsync("inconnu@exemple.fr")).Single();
        Assert.Contains("aucun compte ne l'utilise", nobody.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(ResetLink(), nobody.Body);

        using var malformed = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { Email = "pas une adresse\r\nBcc: x@y.fr" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Reset_TheLinkServesOnce_RevokesTokens_UnlocksAndIsAudited()
    {
        await World.OfAsync(factory);
        using var before = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/members/me")).StatusCode);
        var token = await ResetTokenAsync(World.LilleMemberEmail);
        using var client = factory.CreateClient();

        using var weak = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { Token = token, NewPassword = "court" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("NewPassword", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var altered = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { Token = "A" + token[1..], NewPassword });
        Assert.Equal("auth.reset_link_invalid", await CodeAsync(altered));

        using var reset = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { Token = token, NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/members/me")).StatusCode);   // the tokens of before die
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(World.LilleMemberEmail, World.Password));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(World.LilleMemberEmail, NewPassword));

        using var again = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { Token = token, NewPassword = "Encore-Autre-2026" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "auth.reset_link_invalid"), (again.StatusCode, await CodeAsync(again)));
        var audited = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>().CountAsync(a => a.Action == "accounts.password_reset" && a.ActorName == World.LilleMemberEmail));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Reset_TheLinkExpiresAfterItsMinutes()
    {
        await World.OfAsync(factory);
        var token = await ResetTokenAsync(World.ParisManager);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var client = factory.CreateClient();
        using var late = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { Token = token, NewPassword });
        Assert.Equal("auth.reset_link_invalid", await CodeAsync(late));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(World.ParisManager, World.Password));   // nothing changed
    }

    [Fact]
    public async Task Change_NeedsTheCurrentPassword_AndRevokesTheTokens()
    {
        await World.OfAsync(factory);
        using var client = await factory.ClientForAsync(World.Employer);
        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/password", new { CurrentPassword = "pas-le-bon", NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("CurrentPassword", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/employers")).StatusCode);   // a refusal changes nothing

        using var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { CurrentPassword = World.Password, NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/employers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(World.Employer, NewPassword));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTokensAndBrowserSessions()
    {
        await World.OfAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mon-compte")).StatusCode);
        using var client = await factory.ClientForAsync(World.Finance);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/offices")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));   // a session is checked once any time has passed since its cookie (the test clock stands still otherwise)
        using var page = await browser.GetAsync("/mon-compte");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ForgottenPassword_NewPassword_AndAccountChange()
    {
        await World.OfAsync(factory);
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("/mot-de-passe-oublie", await anonymous.GetStringAsync("/connexion"), StringComparison.Ordinal);
        var form = BrowserForms.HiddenFields(await anonymous.GetStringAsync("/mot-de-passe-oublie"));
        form["Input.Email"] = World.Payroll;
        using var sent = await anonymous.PostAsync("/mot-de-passe-oublie", new FormUrlEncodedContent(form));
        Assert.Contains("Si un compte Partage utilise cette adresse", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = ResetLink().Match((await MailsToAsync(World.Payroll)).Single().Body).Groups["token"].Value;
        var choose = BrowserForms.HiddenFields(await anonymous.GetStringAsync($"/mot-de-passe/nouveau?jeton={token}"));
        Assert.Equal(token, choose["Jeton"]);
        choose["NewPassword"] = NewPassword;
        choose["Confirmation"] = "Autre-Chose-2026";
        Assert.Contains("Les deux mots de passe saisis diffèrent", await (await anonymous.PostAsync("/mot-de-passe/nouveau", new FormUrlEncodedContent(choose))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        choose["Confirmation"] = NewPassword;
        using var saved = await anonymous.PostAsync("/mot-de-passe/nouveau", new FormUrlEncodedContent(choose));
        Assert.Equal("/connexion?motDePasse=change", saved.Headers.Location?.OriginalString);
        Assert.Contains("plus valable (déjà utilisé", await (await anonymous.PostAsync("/mot-de-passe/nouveau", new FormUrlEncodedContent(choose))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signed in with the new password, the account page changes it back; the session goes on.
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = BrowserForms.HiddenFields(await browser.GetStringAsync("/connexion"));
        signIn["Email"] = World.Payroll;
        signIn["Password"] = NewPassword;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/connexion", new FormUrlEncodedContent(signIn))).StatusCode);
        var account = BrowserForms.HiddenFields(await browser.GetStringAsync("/mon-compte"));
        account["CurrentPassword"] = NewPassword;
        account["NewPassword"] = account["Confirmation"] = World.Password;
        using var changed = await browser.PostAsync("/mon-compte?handler=Password", new FormUrlEncodedContent(account));
        Assert.Contains("Mot de passe changé", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(World.Payroll, World.Password));
    }
}
