using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

/// <summary>
/// Registration → e-mail confirmed by its link → the office approves or refuses, on both databases: one answer for a free
/// and a taken address, an applicant sees only their application, a decision is taken once and ends the applicant's tokens.
/// </summary>
public abstract partial class RegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [GeneratedRegex(@"/inscription/confirmer\?jeton=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();

    private Task<List<OutboxMessage>> MailsToAsync(string email) => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().Where(m => m.To == email).OrderBy(m => m.CreatedAt).ToListAsync());

    private Task<Member> StoredAsync(string email) => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<Member>().AsNoTracking().SingleAsync(m => m.Email == email));

    private async Task<(HttpStatusCode Status, string Body)> RegisterAsync(World world, string email)
    {
        using var client = factory.CreateClient();
        using var answer = await client.PostAsJsonAsync("/api/v1/registrations", World.NewMember(world.Lille, email, World.Password) with { Nir = null });
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> ConfirmAsync(string token)
    {
        using var client = factory.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/registrations/confirm", new { Token = token });
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    private async Task<HttpStatusCode> SignInAsync(string email)
    {
        using var client = factory.CreateClient();
        using var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { Email = email, Password = World.Password });
        return answer.StatusCode;
    }

    [Fact]
    public async Task Register_FreeAndTakenAddresses_OneAnswer_PendingApplicant_AndAMailToEachAddress()
    {
        var world = await World.OfAsync(factory);
        var email = $"candidate-{Guid.NewGuid():N}@exemple.fr";
        var free = await RegisterAsync(world, email);
        Assert.Equal(HttpStatusCode.Accepted, free.Status);
        Assert.Equal(free, await RegisterAsync(world, World.LilleMemberEmail));   // a member's address
        Assert.Equal(free, await RegisterAsync(world, World.Finance));            // a staff account's address

        var stored = await StoredAsync(email);
        Assert.Equal(MemberStatus.Pending, stored.Status);
        Assert.Matches(ConfirmationLink(), Assert.Single(await MailsToAsync(email)).Body);
        var told = Assert.Single(await MailsToAsync(World.Finance));
        Assert.Contains("Aucune nouvelle inscription", told.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(ConfirmationLink(), told.Body);
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().CountAsync(m => m.Email == World.LilleMemberEmail)));

        // Registering again before confirming sends a fresh link (a lost e-mail is not a dead end), still the same answer.
        Assert.Equal(free, await RegisterAsync(world, email));
        Assert.Equal(2, (await MailsToAsync(email)).Count(m => ConfirmationLink().IsMatch(m.Body)));
        using var client = factory.CreateClient();
        using var malformed = await client.PostAsJsonAsync("/api/v1/registrations", World.NewMember(world.Lille, "pas-une-adresse", World.Password));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Register_SameAddressTwiceAtOnce_BothAnsweredAlike_OneApplication()
    {
        var world = await World.OfAsync(factory);
        var email = $"double-{Guid.NewGuid():N}@exemple.fr";
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RegisterAsync(world, email)));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Status);
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().CountAsync(m => m.Email == email)));
    }

    [Fact]
    public async Task Applicant_SeesOnlyTheirApplication()
    {
        var world = await World.OfAsync(factory);
        using var applicant = await factory.ClientForAsync(World.LilleApplicantEmail);
        using var me = await applicant.GetAsync("/api/v1/members/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Pending", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/members/{world.LilleMember}")).StatusCode);
        using var list = await applicant.GetAsync("/api/v1/members");
        var items = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Equal(world.LilleApplicant.ToString(), Assert.Single(items.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Approve_OnlyOnceConfirmed_ByTheOfficeOnce_ThenTheMemberSignsInAsAMember()
    {
        var world = await World.OfAsync(factory);
        var email = $"approuvee-{Guid.NewGuid():N}@exemple.fr";
        await RegisterAsync(world, email);
        var id = (await StoredAsync(email)).Id;
        using var before = await factory.ClientForAsync(email);
        using var lille = await factory.ClientForAsync(World.LilleManager);
        using var paris = await factory.ClientForAsync(World.ParisManager);

        using var unconfirmed = await lille.PostAsync($"/api/v1/members/{id}/approve", null);
        Assert.Equal("members.email_not_confirmed", await CodeAsync(unconfirmed));
        var token = ConfirmationLink().Match((await MailsToAsync(email)).Single().Body).Groups["token"].Value;
        using var altered = await ConfirmAsync("A" + token[1..]);
        Assert.Equal("members.confirmation_link_invalid", await CodeAsync(altered));
        using var confirmed = await ConfirmAsync(token);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        using var again = await ConfirmAsync(token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);                       // opening the link twice changes nothing
        Assert.NotNull((await StoredAsync(email)).EmailConfirmedAt);

        Assert.Equal(HttpStatusCode.NotFound, (await paris.PostAsync($"/api/v1/members/{id}/approve", null)).StatusCode);
        var decisions = await Task.WhenAll(lille.PostAsync($"/api/v1/members/{id}/approve", null), lille.PostAsync($"/api/v1/members/{id}/approve", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Select(d => d.StatusCode).Order());   // a double click decides once
        var stored = await StoredAsync(email);
        Assert.Equal((MemberStatus.Active, TestDates.Today), (stored.Status, stored.MembershipDate));
        Assert.Contains("votre adhésion est acceptée", (await MailsToAsync(email)).Last().Subject, StringComparison.Ordinal);
        Assert.Single(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>()
            .Where(e => e.ResourceId == id.ToString() && e.Action == "members.approved").ToListAsync()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/members/me")).StatusCode);   // the applicant's token ends
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(email));
        using var member = await factory.ClientForAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/clients")).StatusCode);
        var roles = await factory.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PartageUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.Equal([Roles.Member], roles);
    }

    [Fact]
    public async Task Refuse_NeedsAReason_ItIsSent_AndTheAccountIsClosed()
    {
        var world = await World.OfAsync(factory);
        var email = $"refusee-{Guid.NewGuid():N}@exemple.fr";
        await RegisterAsync(world, email);
        var id = (await StoredAsync(email)).Id;
        using var admin = await factory.ClientForAsync(World.Admin);

        using var blank = await admin.PostAsJsonAsync($"/api/v1/members/{id}/refuse", new { Reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        using var tooLong = await admin.PostAsJsonAsync($"/api/v1/members/{id}/refuse", new { Reason = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var refused = await admin.PostAsJsonAsync($"/api/v1/members/{id}/refuse", new { Reason = "Activité hors du champ de la coopérative." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var stored = await StoredAsync(email);
        Assert.Equal((MemberStatus.Refused, "Activité hors du champ de la coopérative."), (stored.Status, stored.RefusalReason));
        Assert.Contains("Activité hors du champ de la coopérative.", (await MailsToAsync(email)).Last().Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(email));
        using var approve = await admin.PostAsync($"/api/v1/members/{id}/approve", null);
        Assert.Equal("members.application_decided", await CodeAsync(approve));
        using var edited = await admin.PatchAsJsonAsync($"/api/v1/members/{id}", new { Status = "Active" });
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);   // a status edit does not bypass the decision
    }
}

public sealed class SqliteRegistrationTests(PartageFactory factory) : RegistrationTests<PartageFactory>(factory);

public sealed class PostgresRegistrationTests(PostgresFactory factory) : RegistrationTests<PostgresFactory>(factory);
