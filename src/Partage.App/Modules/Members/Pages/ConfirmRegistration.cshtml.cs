using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

/// <summary>
/// The page the confirmation e-mail's link opens. Opening it changes nothing (mail scanners open links); the button does,
/// and the token travels back in a hidden field.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmRegistrationModel(ConfirmRegistration handler) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    public RegistrationReceipt? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await TryAsync(async () =>
        {
            Receipt = await handler.HandleAsync(new RegistrationConfirmation(Jeton), ct);
            return Page();
        }, prefix: string.Empty);
}
