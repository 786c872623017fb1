using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Members.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

public sealed class DetailModel(GetMember handler, IActivitiesApi activities) : PartagePageModel
{
    public MemberView? Member { get; private set; }

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanOpenActivity { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () =>
        {
            Member = await handler.HandleAsync(new MemberId(id), Actor, ct);
            Activities = await activities.ListForMemberAsync(Member.Id, Actor, ct);
            CanEdit = Actor.IsAdmin || Actor.IsManagerOf(Member.OfficeId) || Actor.MemberId == Member.Id;
            CanOpenActivity = Actor.IsAdmin || Actor.IsManagerOf(Member.OfficeId);
        });
    }
}
