using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Members;

/// <summary>Applications that never became memberships are anonymised after `Retention:ApplicationDays`; members are not touched.</summary>
public class ApplicationErasureTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private async Task<Member> RegisterAsync(World world, string email)
    {
        using var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/registrations", World.NewMember(world.Lille, email, World.Password) with { Nir = null })).EnsureSuccessStatusCode();
        return await StoredAsync(email);
    }

    private Task<Member> StoredAsync(string email) => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().AsNoTracking().SingleAsync(m => m.Email == email));

    private Task<string?> RunAsync() => factory.InScopeAsync(s => s.GetRequiredKeyedService<IScheduledWork>(EraseLapsedApplications.Key).RunAsync(CancellationToken.None));

    [Fact]
    public async Task LapsedRefusedApplication_Anonymised_AccountMailsAndAuditValuesGone_MembersUntouched()
    {
        var world = await World.OfAsync(factory);
        var refusedEmail = $"refus-{Guid.NewGuid():N}@exemple.fr";
        var refused = await RegisterAsync(world, refusedEmail);
        using var admin = await factory.ClientForAsync(World.Admin);
        (await admin.PostAsJsonAsync($"/api/v1/members/{refused.Id}/refuse", new { Reason = "Hors champ." })).EnsureSuccessStatusCode();
        Assert.Null(await RunAsync());                                                             // refused today: kept for now
        Assert.Equal("Hors champ.", (await StoredAsync(refusedEmail)).RefusalReason);

        factory.Clock.Advance(TimeSpan.FromDays(181));
        var recentEmail = $"recente-{Guid.NewGuid():N}@exemple.fr";
        var recent = await RegisterAsync(world, recentEmail);
        Assert.NotNull(await RunAsync());

        var erased = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().AsNoTracking().SingleAsync(m => m.Id == refused.Id));
        Assert.EndsWith("@efface.invalid", erased.Email, StringComparison.Ordinal);
        Assert.Equal(("Anonyme", refused.Number, MemberStatus.Refused), (erased.FirstName, erased.Number, erased.Status));
        Assert.Null(erased.Iban);
        Assert.Null(erased.RefusalReason);
        Assert.Null(erased.UserId);
        Assert.Null(await factory.InScopeAsync(s => s.GetRequiredService<UserManager<PartageUser>>().FindByEmailAsync(refusedEmail)));
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().CountAsync(m => m.To == refusedEmail)));
        var trail = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>().AsNoTracking()
            .Where(e => e.ResourceId == refused.Id.ToString()).ToListAsync());
        Assert.Contains(trail, e => e.Action == "members.registered" && e.After is null);        // who and when stay, the values go
        Assert.DoesNotContain(trail, e => (e.After ?? string.Empty).Contains(refusedEmail, StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == "members.application_erased");

        Assert.Equal(recentEmail, (await StoredAsync(recentEmail)).Email);                          // within its retention
        Assert.Equal(World.LilleMemberEmail, (await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().AsNoTracking().SingleAsync(m => m.Id == world.LilleMember))).Email);
        Assert.Null(await RunAsync());                                                             // nothing left to do
        Assert.NotEqual(recent.Id, refused.Id);
    }
}
