using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Activities.Pages;

public sealed class DetailModel(GetActivity handler) : PartagePageModel
{
    public ActivityView? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Activity = await handler.HandleAsync(new ActivityId(id), Actor, ct));
    }
}
