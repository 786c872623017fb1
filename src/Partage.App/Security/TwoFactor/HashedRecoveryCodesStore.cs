using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Partage.Persistence;

namespace Partage.App.Security.TwoFactor;

/// <summary>
/// Identity's store, with the recovery codes kept as SHA-256 hashes instead of in clear (Identity's default): whoever reads
/// the database cannot use them. The codes are random (10 characters from Identity's generator), so a plain hash suffices.
/// </summary>
public sealed class HashedRecoveryCodesStore(PartageDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<PartageUser, PartageRole, PartageDbContext, Guid>(context, describer)
{
    public override Task ReplaceCodesAsync(PartageUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash).ToList(), cancellationToken);
    }

    public override Task<bool> RedeemCodeAsync(PartageUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code ?? string.Empty), cancellationToken);

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant())));
}
