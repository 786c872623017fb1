using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>What the member's home says of the cooperative: the invitation to subscribe once they coordinate an activity, and the assemblies whose vote waits for them.</summary>
public sealed record MemberSharesSection(bool Invited, IReadOnlyList<(AssemblyId Id, string Title, DateTime ClosesAt)> VotesWaiting);

/// <summary>
/// A section of the dashboard, rendered by name (<c>Component.InvokeAsync("MemberShares")</c>) so that the outer pages do
/// not depend on Governance.
/// </summary>
public sealed class MemberSharesViewComponent(PartageDbContext db, IActivitiesApi activities, ActorAccessor actors, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = await actors.GetAsync(ct);
        if (actor.MemberId is not { } member)
        {
            return Content(string.Empty);
        }

        var shareholder = await db.Set<Shareholder>().AsNoTracking().AnyAsync(s => s.MemberId == member && s.Status != ShareholderStatus.Refused, ct);
        var invited = !shareholder && (await activities.ListForMemberAsync(member, actor, ct)).Count > 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Set<AssemblyVoter>().AsNoTracking().Where(v => v.MemberId == member && v.VotedAt == null && v.ProxyHolderId == null)
            .Join(db.Set<Assembly>().Where(a => a.Status == AssemblyStatus.Convened && a.VotingOpensAt <= now && a.VotingClosesAt > now), v => v.AssemblyId, a => a.Id,
                (_, a) => new { a.Id, a.Title, a.VotingClosesAt }).ToListAsync(ct);
        return View("~/Modules/Governance/Pages/_MemberShares.cshtml", new MemberSharesSection(invited, waiting.Select(w => (w.Id, w.Title, w.VotingClosesAt)).ToList()));
    }
}
