using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using Partage.Persistence;

namespace Partage.App.Security.TwoFactor;

/// <summary>
/// The codes of an authenticator app (TOTP, RFC 6238: six digits, 30-second steps), checked by Otp.NET against the
/// platform's clock, as Identity's authenticator provider. One step of drift either way is accepted (the RFC's network
/// delay), and a code serves once: the last step used is kept with the account, so a code seen over a shoulder or in a
/// proxy's log cannot sign in again.
/// </summary>
public sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PartageUser>
{
    public const string LoginProvider = "Partage";
    private const string LastStep = "totp-last-step";

    /// <summary>Never sent: the codes come from the person's own app.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PartageUser> manager, PartageUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PartageUser> manager, PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStep);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStep, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PartageUser> manager, PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }
}
