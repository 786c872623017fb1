using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

/// <summary>« Devenir membre »: the application form; the same receipt whether the address was free or taken (<see cref="RegisterMember"/>).</summary>
[AllowAnonymous]
public sealed class RegisterModel(RegisterMember handler, IOfficesApi offices) : PartagePageModel
{
    [BindProperty]
    public NewMemberInput Input { get; set; } = new();

    public RegistrationReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Offices"] = await offices.ListOfficesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Offices"] = await offices.ListOfficesAsync(ct);
        return await TryAsync(async () =>
        {
            Receipt = await handler.HandleAsync(Input, ct);
            return Page();
        });
    }
}
