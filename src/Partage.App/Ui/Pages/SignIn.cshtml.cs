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

        switch (await passwords.SignInAsync(Email, Password))
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/tableau-de-bord");
            case SignInOutcome.SecondFactorRequired:
                return Redirect(Url.IsLocalUrl(ReturnUrl) ? $"/connexion/code?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : "/connexion/code");
        }

        ModelState.AddModelError(string.Empty, PasswordSignIn.Refused);
        return Page();
    }
}
