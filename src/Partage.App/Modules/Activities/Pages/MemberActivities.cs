using Microsoft.AspNetCore.Mvc;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

public sealed record MemberActivitiesSection(Guid MemberId, IReadOnlyList<ActivityView> Activities, bool CanOpenActivity);

/// <summary>
/// The "Activités" section of a member's page. The page belongs to Members, which renders this
/// component by name (<c>Component.InvokeAsync("MemberActivities", …)</c>) so that Members does not
/// depend on Activities: Activities builds on Members, not the other way round.
/// </summary>
public sealed class MemberActivitiesViewComponent(IActivitiesApi activities, ActorAccessor actors) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid memberId, Guid officeId)
    {
        var ct = HttpContext.RequestAborted;
        var actor = await actors.GetAsync(ct);
        var list = await activities.ListForMemberAsync(new MemberId(memberId), actor, ct);
        return View("~/Modules/Activities/Pages/_MemberActivities.cshtml",
            new MemberActivitiesSection(memberId, list, actor.IsAdmin || actor.IsManagerOf(new OfficeId(officeId))));
    }
}
