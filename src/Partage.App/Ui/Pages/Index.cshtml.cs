using Microsoft.AspNetCore.Mvc;

namespace Partage.App.Ui.Pages;

public sealed class IndexModel : PartagePageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/tableau-de-bord") : Page();
}
