using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Activities;

public class ActivitySliceTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task CreateActivity_ModuleNotCarriedByEntity_Refused()
    {
        var world = await World.OfAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CreateActivity>().HandleAsync(world.ParisMember,
                new CreateActivityInput("Film", null, LegalEntitiesReferenceData.Lna.ToString(), BusinessModules.Audiovisual), Actor.System)));
        Assert.Equal("activities.module_not_offered", error.Error.Code);
    }

    [Fact]
    public async Task CreateActivity_SameNameTwiceForMember_Conflict()
    {
        var world = await World.OfAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CreateActivity>().HandleAsync(world.ParisMember,
                new CreateActivityInput("Compagnie Martin", null, LegalEntitiesReferenceData.Lna.ToString(), BusinessModules.Shows), Actor.System)));
        Assert.Equal(ErrorKind.Conflict, error.Error.Kind);
    }

    [Fact]
    public async Task CreateActivity_ValidInput_FollowsMemberOfficeAndManager()
    {
        var world = await World.OfAsync(factory);
        var activity = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.ParisMember,
            new CreateActivityInput("Ateliers de danse", "Pour enfants", LegalEntitiesReferenceData.Scic.ToString(), BusinessModules.Projects), Actor.System));
        Assert.Equal(world.Paris, activity.OfficeId);
        var member = await factory.InScopeAsync(s => s.GetRequiredService<IMembersApi>().FindVisibleAsync(world.ParisMember, Actor.System));
        Assert.Equal(member!.ManagerId, activity.ManagerId);
        Assert.NotNull(activity.ManagerName);
        Assert.Equal("SCIC", activity.LegalEntityCode);
        Assert.Equal("Production de projets", activity.ModuleName);
    }
}
