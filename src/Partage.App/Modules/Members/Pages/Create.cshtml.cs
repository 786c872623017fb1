using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

public sealed class CreateModel(CreateMember handler, IOfficesApi offices) : PartagePageModel
{
    [BindProperty]
    public NewMemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await PrepareAsync(ct))
        {
            return NotFound();
        }

        Input = Input with { OfficeId = Actor.ManagedOfficeId?.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await PrepareAsync(ct))
        {
            return NotFound();
        }

        return await TryAsync(async () =>
        {
            var member = await handler.HandleAsync(Input with { Password = null }, Actor, ct);
            return Redirect($"/membres/{member.Id}?cree=1");
        });
    }

    private async Task<bool> PrepareAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        ViewData["Staff"] = true;
        var all = await offices.ListOfficesAsync(ct);
        ViewData["Offices"] = Actor.IsAdmin ? all : all.Where(o => o.Id == Actor.ManagedOfficeId).ToList();
        return MembersAccess.CanCreate(Actor);
    }
}
