using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security.Accounts;

namespace Partage.App.Ui.Pages;

[AllowAnonymous]
public sealed class ForgotPasswordModel(RequestPasswordReset handler) : PartagePageModel
{
    [BindProperty]
    public PasswordResetRequest Input { get; set; } = new(null);

    /// <summary>The one answer, whether an account uses the address or not.</summary>
    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TryAsync(async () =>
    {
        await handler.HandleAsync(Input, ct);
        Sent = handler.Answer;
        return Page();
    });
}
