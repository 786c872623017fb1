using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Partage.Persistence;

namespace Partage.App.Security;

/// <summary>
/// An API token stops working the moment its account is locked or its security stamp changes (a password change, a
/// sign-out everywhere): the token carries the stamp it was issued with, and each request checks it and the lockout
/// against the account before the token is believed. Without it a token lived its 8 hours whatever happened.
/// </summary>
public static class BearerTokenRevocation
{
    public static async Task CheckAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header[Scheme.Length..].Trim());
        if (ticket?.Principal is null)
        {
            return;   // not a token of ours, or expired: the handler refuses it itself
        }

        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PartageUser>>();
        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            context.Fail("Jeton révoqué : le compte est verrouillé ou ses accès ont changé ; reconnectez-vous.");
        }
    }
}
