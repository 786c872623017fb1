using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

/// <summary>
/// Signs the account out of every device: a new security stamp, so that every API token and every browser session of
/// the account is refused from its next request (tokens at once, sessions at their next page).
/// </summary>
public sealed class SignOutEverywhere(UserManager<PartageUser> users, IAuditLog audit)
{
    public async Task HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await ChangePassword.AccountOf(users, actor);
        ct.ThrowIfCancellationRequested();
        audit.Record(actor, "accounts.signed_out_everywhere", "account", user.Id.ToString(), null, null);
        await users.UpdateSecurityStampAsync(user);   // saves the audit row with it
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/sign-out", async (SignOutEverywhere handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Authentification").WithName("SignOutEverywhere")
            .WithSummary("Se déconnecter partout : tous les jetons et toutes les sessions du compte sont révoqués, celui-ci compris")
            .ProducesProblems();
}
