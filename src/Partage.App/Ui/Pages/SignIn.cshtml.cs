using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.Persistence;

namespace Partage.App.Ui.Pages;

public sealed class SignInModel(SignInManager<PartageUser> signIn) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, "L'e-mail et le mot de passe sont obligatoires.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/tableau-de-bord");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Compte verrouillé après trop d'échecs : réessayez dans quelques minutes."
            : "E-mail ou mot de passe incorrect.");
        return Page();
    }
}
