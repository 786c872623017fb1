using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Members.Pages;

public sealed class DetailModel(GetMember handler) : PartagePageModel
{
    public MemberView? Member { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () =>
        {
            Member = await handler.HandleAsync(new MemberId(id), Actor, ct);
            CanEdit = Actor.IsAdmin || Actor.IsManagerOf(Member.OfficeId) || Actor.MemberId == Member.Id;
        });
    }
}
