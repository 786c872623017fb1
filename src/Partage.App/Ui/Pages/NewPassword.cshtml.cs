using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security.Accounts;

namespace Partage.App.Ui.Pages;

/// <summary>The page the reset e-mail's link opens; the link's token travels in a hidden field, never in a log (POST).</summary>
[AllowAnonymous]
public sealed class NewPasswordModel(ResetPassword handler) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.Equals(NewPassword, Confirmation, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), "Les deux mots de passe saisis diffèrent.");
            return Page();
        }

        return await TryAsync(async () =>
        {
            await handler.HandleAsync(new NewPasswordInput(Jeton, NewPassword), ct);
            return Redirect("/connexion?motDePasse=change");
        }, prefix: string.Empty);
    }
}
