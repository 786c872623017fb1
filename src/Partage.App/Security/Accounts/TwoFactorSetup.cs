using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Partage.App.Modules.Audit;
using Partage.App.Security.TwoFactor;
using Partage.Kernel;
using Partage.Persistence;
using QRCoder;

namespace Partage.App.Security.Accounts;

/// <summary>What the person types or scans into their authenticator app: the secret, its otpauth:// address and its QR code (SVG).</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrCodeSvg);

/// <summary>
/// The account's second factor: a secret for an authenticator app (TOTP), turned on only once a code from the app is
/// checked, with ten single-use recovery codes shown once (stored hashed). Staff cannot turn it off while
/// `Security:RequireStaffTwoFactor` is on. Each change renews the security stamp (Identity), so the account's other
/// sessions and tokens end; the page signs its own session in again.
/// </summary>
public sealed class TwoFactorSetup(UserManager<PartageUser> users, IAuditLog audit, SecurityOptions options)
{
    public const int RecoveryCodeCount = 10;

    public static readonly ErrorCode CodeRefused = new("auth.two_factor_code_refused",
        "Ce code ne correspond pas : saisissez le code à 6 chiffres affiché par l'application (l'heure du téléphone doit être juste).");

    public static readonly ErrorCode NotEnabled = new("auth.two_factor_not_enabled", "La double authentification n'est pas activée sur ce compte.");

    public static readonly ErrorCode RequiredForStaff = new("auth.two_factor_required_for_staff",
        "La double authentification est obligatoire pour les comptes de l'équipe : elle ne peut pas être désactivée.");

    /// <summary>The secret being set up (not yet confirmed by a code), or null.</summary>
    public async Task<AuthenticatorSetup?> PendingAsync(PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return user.TwoFactorEnabled || string.IsNullOrEmpty(key) ? null : Describe(user, key);
    }

    /// <summary>A new secret for the app, replacing one not yet confirmed.</summary>
    public async Task<AuthenticatorSetup> BeginAsync(PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.ResetAuthenticatorKeyAsync(user);
        return Describe(user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>Turns the second factor on with a first code from the app; the recovery codes, to be shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(PartageUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code ?? string.Empty))
        {
            throw new DomainException(CodeRefused);
        }

        audit.Record(AccountActor.Of(user), "accounts.two_factor_enabled", "account", user.Id.ToString(), null, null);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    /// <summary>Ten new recovery codes; the previous ones stop working.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled)
        {
            throw new DomainException(NotEnabled);
        }

        audit.Record(AccountActor.Of(user), "accounts.recovery_codes_renewed", "account", user.Id.ToString(), null, null);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    public async Task DisableAsync(PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (options.RequireStaffTwoFactor && StaffTwoFactor.IsStaff(await users.GetRolesAsync(user)))
        {
            throw new DomainException(RequiredForStaff);
        }

        audit.Record(AccountActor.Of(user), "accounts.two_factor_disabled", "account", user.Id.ToString(), null, null);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    public Task<int> RecoveryCodesLeftAsync(PartageUser user) => users.CountRecoveryCodesAsync(user);

    private static AuthenticatorSetup Describe(PartageUser user, string key)
    {
        var account = Uri.EscapeDataString($"Partage:{user.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{account}?secret={key}&issuer=Partage&digits=6&period=30");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(string.Join(' ', key.Chunk(4).Select(c => new string(c))), uri, svg);
    }
}
