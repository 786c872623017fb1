using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security;
using Partage.App.Security.Accounts;
using Partage.App.Security.TwoFactor;
using Partage.Persistence;

namespace Partage.App.Ui.Pages;

/// <summary>Setting up, renewing or turning off the account's second factor (<see cref="TwoFactorSetup"/>).</summary>
[Authorize]
public sealed class TwoFactorModel(TwoFactorSetup setup, SignInManager<PartageUser> signIn, SecurityOptions options) : PartagePageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>The staff rule applies to this account: set up first, never turned off.</summary>
    public bool Required { get; private set; }

    public AuthenticatorSetup? Pending { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(await UserAsync());

    public async Task<IActionResult> OnPostBeginAsync()
    {
        var user = await UserAsync();
        await setup.BeginAsync(user);
        await signIn.RefreshSignInAsync(user);   // a new secret renews the stamp: this session follows
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await UserAsync();
        var result = await TryAsync(async () =>
        {
            var codes = await setup.EnableAsync(user, Code);
            await signIn.RefreshSignInAsync(user);
            await ShowAsync(user);
            RecoveryCodes = codes;
            return Page();
        }, prefix: string.Empty);
        return ModelState.IsValid ? result : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        var user = await UserAsync();
        var codes = await setup.RenewRecoveryCodesAsync(user);
        await ShowAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await UserAsync();
        await TryAsync(async () =>
        {
            await setup.DisableAsync(user);
            await signIn.RefreshSignInAsync(user);
            return Page();
        }, prefix: string.Empty);
        return await ShowAsync(user);
    }

    private async Task<PartageUser> UserAsync() =>
        await signIn.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");

    private async Task<IActionResult> ShowAsync(PartageUser user)
    {
        await LoadActorAsync();
        Enabled = user.TwoFactorEnabled;
        Required = options.RequireStaffTwoFactor && StaffTwoFactor.IsStaff(Actor.Roles);
        Pending = await setup.PendingAsync(user);
        RecoveryCodesLeft = Enabled ? await setup.RecoveryCodesLeftAsync(user) : 0;
        return Page();
    }
}
