using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.Persistence;

namespace Partage.App.Security.TwoFactor;

/// <summary>
/// `Security:RequireStaffTwoFactor`: the cooperative's staff and the managers reach payslips, IBANs and social security
/// numbers, so their accounts need a second factor. Until one is set up, their session carries a claim that the
/// <see cref="StaffTwoFactorGate"/> turns into « set it up first »: pages lead to the setup page, the API answers 403.
/// </summary>
public static class StaffTwoFactor
{
    public const string SetupRequiredClaim = "partage:two_factor_setup_required";
    public const string SetupPage = "/mon-compte/double-authentification";

    public static readonly IReadOnlySet<string> StaffRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        Roles.Finance, Roles.Payroll, Roles.Governance, Roles.Admin, Roles.Manager,
    };

    public static bool IsStaff(IEnumerable<string> roles) => roles.Any(StaffRoles.Contains);
}

/// <summary>The account's claims, plus the « second factor to set up » mark on a staff account without one when it is required.</summary>
public sealed class PartageClaimsPrincipalFactory(
    UserManager<PartageUser> users, RoleManager<PartageRole> roles, IOptions<IdentityOptions> options, SecurityOptions security)
    : UserClaimsPrincipalFactory<PartageUser, PartageRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PartageUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (security.RequireStaffTwoFactor && !user.TwoFactorEnabled
            && StaffTwoFactor.IsStaff(identity.FindAll(identity.RoleClaimType).Select(c => c.Value)))
        {
            identity.AddClaim(new Claim(StaffTwoFactor.SetupRequiredClaim, "true"));
        }

        return identity;
    }
}

/// <summary>Lets a staff session without its second factor reach only the setup page, the sign-out and the error pages.</summary>
public sealed class StaffTwoFactorGate(RequestDelegate next)
{
    private static readonly string[] Open = [StaffTwoFactor.SetupPage, "/deconnexion", "/erreur", "/connexion"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == StaffTwoFactor.SetupRequiredClaim)
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (PartageHost.IsApi(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: "Activez d'abord la double authentification (page « Mon compte », application d'authentification) : elle est obligatoire pour les comptes de l'équipe.",
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.two_factor_setup_required" }).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(StaffTwoFactor.SetupPage);
            return;
        }

        await next(context);
    }
}
