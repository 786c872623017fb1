using Microsoft.AspNetCore.Mvc;
using Partage.App.Security;

namespace Partage.App.Ui.Pages;

public sealed class SignInModel(PasswordSignIn passwords) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Back from a password reset.</summary>
    [BindProperty(SupportsGet = true, Name = "motDePasse")]
    public string? PasswordChange { get; set; }

    public bool PasswordChanged => PasswordChange == "change";

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

        if (await passwords.SignInAsync(Email, Password))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/tableau-de-bord");
        }

        ModelState.AddModelError(string.Empty, PasswordSignIn.Refused);
        return Page();
    }
}
