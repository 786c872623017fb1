using Microsoft.AspNetCore.Mvc;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

/// <summary>A member's own profile is their member page.</summary>
public sealed class ProfileModel : PartagePageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadActorAsync();
        return (Actor.MemberId ?? Actor.ApplicantId) is { } id ? Redirect($"/membres/{id}") : NotFound();
    }
}
