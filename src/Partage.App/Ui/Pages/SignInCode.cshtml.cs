using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Ui.Pages;

/// <summary>The second step of a sign-in: the code of the authenticator app, or a recovery code.</summary>
public sealed class SignInCodeModel(PasswordSignIn passwords, SignInManager<PartageUser> signIn) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/connexion");   // the first step's cookie expired (5 minutes)
        }

        if (await passwords.SecondFactorAsync(Code, RecoveryCode))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/tableau-de-bord");
        }

        ModelState.AddModelError(string.Empty, "Code incorrect ou déjà utilisé : saisissez le code affiché maintenant par l'application, ou un code de secours.");
        return Page();
    }
}
