using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security.Accounts;
using Partage.Persistence;

namespace Partage.App.Ui.Pages;

[Authorize]
public sealed class AccountModel(ChangePassword changePassword, SignOutEverywhere signOutEverywhere, ExportPersonalData export, SignInManager<PartageUser> signIn) : PartagePageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public bool Changed { get; private set; }

    public Task OnGetAsync() => LoadActorAsync();

    /// <summary>« Télécharger mes données »: the ZIP of <see cref="ExportPersonalData"/>.</summary>
    public Task<IActionResult> OnGetExportAsync(CancellationToken ct) => DownloadAsync(async () =>
    {
        var (name, content) = await export.HandleAsync(Actor, ct);
        return File(content, "application/zip", name);
    });

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (!string.Equals(NewPassword, Confirmation, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), "Les deux mots de passe saisis diffèrent.");
            return Page();
        }

        return await TryAsync(async () =>
        {
            var user = await changePassword.HandleAsync(new PasswordChangeInput(CurrentPassword, NewPassword), Actor, ct);
            await signIn.RefreshSignInAsync(user);   // this session carries the new stamp; the others die
            Changed = true;
            return Page();
        }, prefix: string.Empty);
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        await signOutEverywhere.HandleAsync(Actor, ct);
        await signIn.SignOutAsync();
        return Redirect("/connexion");
    }
}
