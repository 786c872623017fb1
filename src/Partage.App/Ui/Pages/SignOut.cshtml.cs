using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.Persistence;

namespace Partage.App.Ui.Pages;

public sealed class SignOutModel(SignInManager<PartageUser> signIn) : PartagePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
