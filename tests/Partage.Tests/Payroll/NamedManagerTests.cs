using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Offices.Features;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Payroll;

/// <summary>
/// The member's independence in practice: each activity names a manager of its office, never the member, and only that
/// manager (or payroll staff) countersigns its intermittents' contracts; another manager's attempt is refused and kept.
/// </summary>
public sealed class NamedManagerTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    private const string Second = "gestion2.lille@partage.test";

    [Fact]
    public async Task OnlyTheNamedManager_OrPayrollStaff_CountersignsAnIntermittentsContract()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var second = await ManagerAsync(world.Lille, Second, "Lina", "Second");
        var lille = await factory.ActorAsync(World.LilleManager);
        async Task<ActivityView> AssignAsync(Guid? manager, Actor by) =>
            await factory.InScopeAsync(s => s.GetRequiredService<AssignActivityManager>().HandleAsync(world.LilleActivity, new(manager?.ToString()), by));

        // Who may name, and whom: a manager of the activity's office, never the member's own account.
        var paris = (await factory.InScopeAsync(s => s.GetRequiredService<IOfficesApi>().ListManagersAsync(world.Paris))).First();
        var wrongOffice = await Assert.ThrowsAsync<InputValidationException>(() => AssignAsync(paris.Id.Value, lille));
        Assert.Contains("du bureau de l'activité", wrongOffice.Errors["ManagerId"][0], StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => await s.GetRequiredService<AssignActivityManager>()
            .HandleAsync(world.LilleActivity, new(second.Value.ToString()), await factory.ActorAsync(World.ParisManager))));
        var memberUser = await factory.InScopeAsync(async s => (await s.GetRequiredService<UserManager<PartageUser>>().FindByEmailAsync(World.LilleMemberEmail))!.Id);
        var memberAsManager = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivityManager>()
            .HandleAsync(world.Lille, new CreateActivityManagerInput("Membre", "Lui-même", "membre.gestion@partage.test", memberUser), Actor.System));
        var self = await Assert.ThrowsAsync<InputValidationException>(() => AssignAsync(memberAsManager.Id.Value, lille));
        Assert.Contains("sa propre activité", self.Errors["ManagerId"][0], StringComparison.Ordinal);
        await Assert.ThrowsAsync<InputValidationException>(() => AssignAsync(null, lille));
        Assert.Equal("Lina Second", (await AssignAsync(second.Value, lille)).ManagerName);

        // The office's other manager cannot countersign; the refusal is on the compliance page. The named one can.
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member);
        await Hiring.SignAsync(factory, job, member);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Hiring.CountersignAsync(factory, job, lille));
        Assert.Equal(("payroll.not_named_manager", true), (refused.Error.Code, refused.Message.Contains("Lina Second", StringComparison.Ordinal)));
        var events = await factory.InScopeAsync(s => s.GetRequiredService<ListComplianceEvents>().HandleAsync(null, null, "refused", new App.Infrastructure.PageRequest(1, 100), Actor.System));
        Assert.Contains(events.Items, e => e.JobNumber == job.Number && e.Rule == "named_manager" && e.Reason.Contains("Lina Second", StringComparison.Ordinal));
        Assert.Equal(App.Modules.Payroll.JobStatus.Countersigned, (await Hiring.CountersignAsync(factory, job, await factory.ActorAsync(Second))).Status);

        // Payroll staff still countersign any contract.
        var other = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member);
        await Hiring.SignAsync(factory, other, member);
        Assert.Equal(App.Modules.Payroll.JobStatus.Countersigned, (await Hiring.CountersignAsync(factory, other)).Status);
    }

    private Task<ActivityManagerId> ManagerAsync(OfficeId office, string email, string first, string last) => factory.InScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<PartageUser>>();
        var user = new PartageUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = $"{first} {last}" };
        await users.CreateAsync(user, World.Password);
        await users.AddToRoleAsync(user, Roles.Manager);
        return (await s.GetRequiredService<CreateActivityManager>().HandleAsync(office, new CreateActivityManagerInput(first, last, email, user.Id), Actor.System)).Id;
    });
}
