using Microsoft.AspNetCore.Identity;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

/// <summary>What the account pages and calls share: Identity's refusals as French field messages, and the account as the actor of its own changes.</summary>
public static class PasswordRules
{
    public static void ThrowIfRefused(IdentityResult result, string field)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
        }
    }
}

public static class AccountActor
{
    /// <summary>The account acting on itself, for the audit trail (no role needed: the change is its own).</summary>
    public static Actor Of(PartageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.Id, user.Email ?? user.UserName ?? user.Id.ToString(), new HashSet<string>(), null, null);
    }
}
