using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Leasing;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Leasing;

/// <summary>Leases for tests: an activity of its own for the Lille member (LNA), a camera requested, approved, bought.</summary>
public static class Leases
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<ActivityId> FreshActivityAsync(PartageFactory factory, long fundedCents = 0)
    {
        var world = await OpenAsync(factory);
        var activity = (await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput($"Vidéo {Guid.NewGuid():N}"[..14], "Captations de concerts", Lna.ToString(), BusinessModules.Shows), Actor.System))).Id;
        if (fundedCents > 0)
        {
            await Payroll.Hiring.FundAsync(factory, activity, fundedCents);
        }

        return activity;
    }

    public static async Task<LeaseView> RequestedAsync(PartageFactory factory, ActivityId activity, string priceExclVat = "1200", string months = "12") =>
        await factory.InScopeAsync(async s => await s.GetRequiredService<RequestLease>().HandleAsync(
            new RequestLeaseInput(activity.ToString(), "Caméra Sony FX3 et deux objectifs", "video", "Phototech Lille", priceExclVat,
                (decimal.Parse(priceExclVat, System.Globalization.CultureInfo.InvariantCulture) * 1.2m).ToString(System.Globalization.CultureInfo.InvariantCulture), months),
            null, await factory.ActorAsync(World.LilleMemberEmail)));

    public static async Task<LeaseView> ApprovedAsync(PartageFactory factory, ActivityId activity, DateOnly firstDue, string months = "12", string priceExclVat = "1200") =>
        await factory.InScopeAsync(async s => await s.GetRequiredService<ApproveLease>().HandleAsync(
            (await RequestedAsync(factory, activity, priceExclVat, months)).Id, new ApproveLeaseInput(months, Day(firstDue)), await factory.ActorAsync(World.LilleManager)));

    public static async Task<LeaseView> ActiveAsync(PartageFactory factory, ActivityId activity, DateOnly firstDue, string months = "12", string priceExclVat = "1200")
    {
        var approved = await ApprovedAsync(factory, activity, firstDue, months, priceExclVat);
        var vat = (decimal.Parse(priceExclVat, System.Globalization.CultureInfo.InvariantCulture) * 0.2m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await factory.InScopeAsync(async s => await s.GetRequiredService<RecordLeasePurchase>().HandleAsync(
            approved.Id, new RecordLeasePurchaseInput($"F-{Guid.NewGuid():N}"[..12], Day(factory.Today), priceExclVat, vat), await factory.ActorAsync(World.Finance)));
    }

    public static async Task<CollectionResult> CollectAsync(PartageFactory factory) =>
        await factory.InScopeAsync(s => s.GetRequiredService<CollectInstalments>().HandleAsync(new CollectInstalmentsInput(), Actor.System));

    public static async Task<LeaseView> GetAsync(PartageFactory factory, LeaseId id) =>
        await factory.InScopeAsync(s => s.GetRequiredService<GetLease>().HandleAsync(id, Actor.System));
}
