using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Activities.Pages;

public sealed class DetailModel(GetActivity handler, UpdateActivity update) : PartagePageModel
{
    public ActivityView? Activity { get; private set; }

    public bool CanManage { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(() => PrepareAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(() => PrepareAsync(id, ct));
        if (loaded is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return loaded;
        }

        return await TryAsync(async () =>
        {
            await update.HandleAsync(new ActivityId(id), new UpdateActivityInput(null, null, Status ?? string.Empty), Actor, ct);
            return Redirect($"/activites/{id}?modifie=1");
        }, string.Empty);
    }

    private async Task PrepareAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Activity = await handler.HandleAsync(new ActivityId(id), Actor, ct);
        CanManage = Actor.IsAdmin || Actor.IsManagerOf(Activity.OfficeId);
    }
}
