using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.App.Ui;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Pages;

[AllowAnonymous]
public sealed class RegisterModel(CreateMember handler, IOfficesApi offices, SignInManager<PartageUser> signIn) : PartagePageModel
{
    [BindProperty]
    public NewMemberInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Offices"] = await offices.ListOfficesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Offices"] = await offices.ListOfficesAsync(ct);
        return await TryAsync(async () =>
        {
            var member = await handler.HandleAsync(Input, Actor.Anonymous, ct);
            await signIn.PasswordSignInAsync(member.Email, Input.Password!, isPersistent: false, lockoutOnFailure: false);
            return Redirect("/tableau-de-bord");
        });
    }
}
