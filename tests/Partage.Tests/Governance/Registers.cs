using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Governance.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Governance;

/// <summary>Shareholders and assemblies for tests (the authorization matrix's resources): each call makes a fresh one.</summary>
public static class Registers
{
    public static Task<ShareholderView> ApplicantAsync(PartageFactory factory, string entity = "SCIC") => factory.InScopeAsync(s =>
        s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput(entity, Name: $"Partenaire {Guid.NewGuid():N}"[..22], Category: "6", Shares: "2"), Actor.System));

    public static async Task<ShareholderView> AdmittedAsync(PartageFactory factory, bool paid = false, string entity = "SCIC")
    {
        var applicant = await ApplicantAsync(factory, entity);
        return await factory.InScopeAsync(s => s.GetRequiredService<DecideApplication>().HandleAsync(applicant.Id, new DecideApplicationInput(true, "CA", PaidInFull: paid), Actor.System));
    }

    public static async Task<ShareholderView> LeftAsync(PartageFactory factory)
    {
        var holder = await AdmittedAsync(factory, paid: true);
        return await factory.InScopeAsync(s => s.GetRequiredService<LeaveCooperative>().HandleAsync(holder.Id, new LeaveCooperativeInput("Resignation", "Lettre"), Actor.System));
    }

    /// <summary>The Lille member's own record in GE (SCIC stays free for the member's own application in the matrix).</summary>
    public static async Task<ShareholderView> OwnAsync(PartageFactory factory)
    {
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var mine = await factory.InScopeAsync(s => s.GetRequiredService<GetShareholder>().MineAsync(member));
        return mine.FirstOrDefault(h => h.EntityCode == "GE")
            ?? await factory.InScopeAsync(s => s.GetRequiredService<ApplyForShares>().HandleAsync(new ApplyForSharesInput("GE"), member));
    }

    /// <summary>An assembly of the SCIC a month ahead, its vote open since an hour ago; with an agenda, convened, or closed, as asked.</summary>
    public static async Task<AssemblyView> AssemblyAsync(PartageFactory factory, AssemblyStatus status, bool withAgenda = true)
    {
        var now = ParisTime.Local(factory.Clock.GetUtcNow().UtcDateTime);
        string At(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var assembly = await factory.InScopeAsync(s => s.GetRequiredService<CreateAssembly>().HandleAsync(
            new CreateAssemblyInput("SCIC", "Ordinary", "Assemblée de test", "Lille", At(now.AddDays(30)), At(now.AddHours(-1)), At(now.AddDays(30).AddHours(2))), Actor.System));
        if (withAgenda || status != AssemblyStatus.Draft)
        {
            assembly = await factory.InScopeAsync(s => s.GetRequiredService<AddResolution>().HandleAsync(assembly.Id, new AddResolutionInput("Comptes", "L'assemblée approuve les comptes."), Actor.System));
        }

        if (status != AssemblyStatus.Draft)
        {
            assembly = await factory.InScopeAsync(s => s.GetRequiredService<ConveneAssembly>().HandleAsync(assembly.Id, Actor.System));
        }

        return status == AssemblyStatus.Closed ? await factory.InScopeAsync(s => s.GetRequiredService<CloseAssembly>().HandleAsync(assembly.Id, Actor.System)) : assembly;
    }
}
