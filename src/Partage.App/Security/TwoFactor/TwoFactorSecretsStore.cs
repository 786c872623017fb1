using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.Persistence;

namespace Partage.App.Security.TwoFactor;

/// <summary>
/// Identity's store, with the second factor's secrets protected from whoever reads the database. The recovery codes are
/// kept as SHA-256 hashes instead of in clear (Identity's default): the codes are random (10 characters from Identity's
/// generator), so a plain hash suffices. The authenticator key, which must be read back to check codes, is encrypted
/// with the personal-data key (<see cref="PersonalDataCipher"/>), kept outside the database.
/// </summary>
public sealed class TwoFactorSecretsStore(PartageDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<PartageUser, PartageRole, PartageDbContext, Guid>(context, describer)
{
    /// <summary>Where Identity keeps the authenticator key: the user_tokens row of this provider and name.</summary>
    public const string KeyProvider = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";

    public override Task ReplaceCodesAsync(PartageUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash).ToList(), cancellationToken);
    }

    public override Task<bool> RedeemCodeAsync(PartageUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code ?? string.Empty), cancellationToken);

    public override Task SetAuthenticatorKeyAsync(PartageUser user, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return base.SetAuthenticatorKeyAsync(user, PersonalDataCipher.Encrypt(key), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(PartageUser user, CancellationToken cancellationToken = default) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? PersonalDataCipher.Decrypt(stored) : null;

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant())));
}
