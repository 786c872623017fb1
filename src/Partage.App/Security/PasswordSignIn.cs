using Microsoft.AspNetCore.Identity;
using Partage.Persistence;

namespace Partage.App.Security;

/// <summary>
/// Sign-in by password (the sign-in page and the API token) that tells nobody whether an account exists: an unknown
/// e-mail, a wrong password and a locked account get the same answer, and about the same time, since each of them checks
/// one password hash (ASP.NET Identity skips it for an unknown or locked account, which made them answer in 2 ms
/// against 55 ms for a real one), and one database write (a wrong password updates the account's failure count; a
/// refusal without that update writes a line of the audit trail instead — on a loaded server the write, not the hash,
/// was the difference: 250 ms against 88 ms). Failures are counted per address (<see cref="SignInFailures"/>) before
/// they count against the account, so that nobody can lock another person out from their own address.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<PartageUser> signIn,
    IPasswordHasher<PartageUser> hasher,
    Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> hashing,
    SignInFailures failures,
    Partage.Persistence.PartageDbContext db,
    Modules.Audit.IAuditLog audit,
    IHttpContextAccessor http)
{
    /// <summary>The one refusal, whatever the reason.</summary>
    public const string Refused = "E-mail ou mot de passe incorrect, ou compte verrouillé après trop d'échecs : réessayez plus tard.";

    private static readonly PartageUser Nobody = new();

    /// <summary>One hash nobody's password matches, per hashing cost: it must cost what a real account's check costs.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> NobodyHashes = new();

    /// <summary>
    /// Signs in under the manager's current scheme (cookie or bearer): Refused for every refusal alike; SecondFactorRequired
    /// when the password is right and the account has a second factor (<see cref="SecondFactorAsync"/> then finishes).
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null || failures.IsBlocked(email, address))
        {
            SpendAsMuch(password);
            await WriteAsMuchAsync(email);
            failures.Fail(email, address);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            failures.Clear(email, address);
            return result.Succeeded ? SignInOutcome.Succeeded : SignInOutcome.SecondFactorRequired;
        }

        if (result.IsLockedOut)
        {
            SpendAsMuch(password);
            await WriteAsMuchAsync(email);
        }

        failures.Fail(email, address);
        return SignInOutcome.Refused;
    }

    /// <summary>
    /// The second step, after a right password in this request or in the short-lived cookie Identity set for it: a code
    /// from the authenticator app, or else a recovery code (each serves once). Wrong codes count as failed sign-ins.
    /// </summary>
    public async Task<bool> SecondFactorAsync(string? code, string? recoveryCode)
    {
        var result = !string.IsNullOrWhiteSpace(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code.Trim(), isPersistent: false, rememberClient: false)
            : !string.IsNullOrWhiteSpace(recoveryCode)
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Trim())
                : SignInResult.Failed;
        return result.Succeeded;
    }

    /// <summary>
    /// The write a wrong password costs (Identity saves the account's failure count), for a refusal that had no account to
    /// update: the refusal in the audit trail, the address named by its SHA-256 (an unknown address is nobody's data).
    /// </summary>
    private async Task WriteAsMuchAsync(string email)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
        audit.Record(Actor.Anonymous, "auth.sign_in_refused", "sign_in", key[..32], null, null);
        await db.SaveChangesAsync();
    }

    /// <summary>The work of a real password check, on a hash nobody's password matches.</summary>
    private void SpendAsMuch(string password)
    {
        var nobodyHash = NobodyHashes.GetOrAdd(hashing.Value.IterationCount, _ => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        hasher.VerifyHashedPassword(Nobody, nobodyHash, password);
    }
}

public enum SignInOutcome
{
    Refused,
    Succeeded,
    SecondFactorRequired,
}
