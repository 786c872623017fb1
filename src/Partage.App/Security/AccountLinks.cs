using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Partage.Persistence;

namespace Partage.App.Security;

/// <summary>
/// The links an account receives by e-mail (a password reset, an e-mail confirmation): the account, its security stamp
/// and an expiry, signed and encrypted with the platform's Data Protection keys, per purpose. Nothing is stored: a link
/// dies when it expires by the platform's clock, or when the stamp changes — which a password reset does, so a reset link
/// serves once. A link altered by one character, or made for another purpose, is worth nothing.
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection, UserManager<PartageUser> users, TimeProvider clock)
{
    public async Task<string> CreateAsync(PartageUser user, string purpose, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stamp = await users.GetSecurityStampAsync(user);
        var expiresAt = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = string.Join('|', user.Id.ToString("N"), stamp, expiresAt.ToString(CultureInfo.InvariantCulture));
        return WebEncoders.Base64UrlEncode(Protector(purpose).Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>The account the link was made for, or null when the link is altered, expired, used or not for this purpose.</summary>
    public async Task<PartageUser?> FindAsync(string? token, string purpose)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2_000)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Protector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token.Trim()))).Split('|');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is not null && string.Equals(await users.GetSecurityStampAsync(user), parts[1], StringComparison.Ordinal) ? user : null;
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("Partage.AccountLinks", purpose);
}
