using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;

namespace Partage.Tests.Members;

/// <summary>
/// A former member is anonymised once the law no longer holds their records: a year after leaving with nothing kept,
/// five years after their last payslip or contract, eleven after their last invoice; never while active. On both databases.
/// </summary>
public abstract class FormerMemberErasureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private async Task<(MemberId Member, ActivityId Activity)> MemberAsync(World world, string email)
    {
        var member = await factory.InScopeAsync(s => s.GetRequiredService<CreateMember>().HandleAsync(World.NewMember(world.Lille, email, World.Password) with { Nir = null }, Actor.System));
        var activity = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(member.Id,
            new CreateActivityInput("Atelier", "Création", LegalEntitiesReferenceData.Lna.ToString(), BusinessModules.Shows), Actor.System));
        return (member.Id, activity.Id);
    }

    private Task SetStatusAsync(MemberId id, string status) =>
        factory.InScopeAsync(s => s.GetRequiredService<UpdateMember>().HandleAsync(id, new UpdateMemberInput { Status = status }, Actor.System));

    private Task<Member> StoredAsync(MemberId id) => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Member>().AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<string?> RunAsync() => factory.InScopeAsync(s => s.GetRequiredKeyedService<IScheduledWork>(EraseFormerMembers.Key).RunAsync(CancellationToken.None));

    private async Task<bool> ErasedAsync(MemberId id) => (await StoredAsync(id)).Email.EndsWith(MemberErasure.ErasedDomain, StringComparison.Ordinal);

    /// <summary>Noon, Paris time, on that day.</summary>
    private void AdvanceTo(DateOnly day) => factory.Clock.Advance(new DateTimeOffset(ParisTime.UtcStartOf(day), TimeSpan.Zero).AddHours(12) - factory.Clock.GetUtcNow());

    [Fact]
    public async Task FormerMembers_ErasedWhenTheirLastRetentionEnds_PayslipsFiveYears_InvoicesElevenYears_NeverActiveOnes()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (paid, paidActivity) = await MemberAsync(world, $"paye-{tag}@exemple.fr");
        await Hiring.FundAsync(factory, paidActivity, 200_000);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(paidActivity, Hiring.NextDay()));
        var (invoiced, invoicedActivity) = await MemberAsync(world, $"facture-{tag}@exemple.fr");
        var client = await Sales.FrenchClientAsync(factory);
        await Sales.DraftAsync(factory, Sales.Draft(invoicedActivity, client.Id, ("Concert", "1", "C62", "800", null)));
        var (idle, _) = await MemberAsync(world, $"rien-{tag}@exemple.fr");
        var (back, _) = await MemberAsync(world, $"retour-{tag}@exemple.fr");
        foreach (var id in new[] { paid, invoiced, idle, back })
        {
            await SetStatusAsync(id, "Inactive");
        }

        Assert.Equal(factory.Today, (await StoredAsync(idle)).LeftOn);
        await SetStatusAsync(back, "Active");
        Assert.Null((await StoredAsync(back)).LeftOn);
        Assert.Null(await RunAsync());                                                             // nobody left a year ago
        Assert.False(await ErasedAsync(idle));

        factory.Clock.Advance(TimeSpan.FromDays(366));
        await RunAsync();
        Assert.True(await ErasedAsync(idle));                                                      // nothing held them
        Assert.False(await ErasedAsync(paid));
        Assert.False(await ErasedAsync(invoiced));
        Assert.False(await ErasedAsync(back));
        Assert.Null(await factory.InScopeAsync(s => s.GetRequiredService<UserManager<PartageUser>>().FindByEmailAsync($"rien-{tag}@exemple.fr")));

        AdvanceTo(job.End.AddYears(5));
        await RunAsync();
        Assert.False(await ErasedAsync(paid));                                                     // the last day of the payroll retention
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        var erased = await StoredAsync(paid);
        Assert.True(await ErasedAsync(paid));
        Assert.Equal(("Anonyme", "Ancien membre " + erased.Number, MemberStatus.Inactive), (erased.FirstName, erased.LastName, erased.Status));
        Assert.Null(erased.Iban);
        Assert.Null(erased.UserId);
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Job>().CountAsync(j => j.MemberId == paid)));   // the contract stays, under the number
        Assert.Contains(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>().AsNoTracking()
            .Where(e => e.ResourceId == paid.ToString()).Select(e => e.Action).ToListAsync()), a => a == "members.former_member_erased");
        Assert.False(await ErasedAsync(invoiced));                                                 // accounting: ten years after the year's close

        factory.Clock.Advance(TimeSpan.FromDays(365 * 6));
        await RunAsync();
        Assert.True(await ErasedAsync(invoiced));
        Assert.False(await ErasedAsync(back));
        Assert.Equal(World.LilleMemberEmail, (await StoredAsync(world.LilleMember)).Email);
    }
}

public sealed class SqliteFormerMemberErasureTests(PartageFactory factory) : FormerMemberErasureTests<PartageFactory>(factory);

public sealed class PostgresFormerMemberErasureTests(PostgresFactory factory) : FormerMemberErasureTests<PostgresFactory>(factory);
