using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

public sealed record PasswordChangeInput(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A signed-in account changes its password, giving the current one. The security stamp changes with it: every token
/// and every other session of the account stop at once (the page signs its own session in again). A wrong current
/// password counts as a failed sign-in.
/// </summary>
public sealed class ChangePassword(UserManager<PartageUser> users, IAuditLog audit, PartageDbContext db)
{
    public async Task<PartageUser> HandleAsync(PasswordChangeInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            missing[nameof(PasswordChangeInput.CurrentPassword)] = ["Indiquez votre mot de passe actuel."];
        }

        if (string.IsNullOrEmpty(input.NewPassword))
        {
            missing[nameof(PasswordChangeInput.NewPassword)] = ["Choisissez un nouveau mot de passe."];
        }

        if (missing.Count > 0)
        {
            throw new InputValidationException(missing);
        }

        var user = await AccountOf(users, actor);
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(PasswordChangeInput.CurrentPassword)] = ["Ce n'est pas votre mot de passe actuel."] });
        }

        PasswordRules.ThrowIfRefused(result, nameof(PasswordChangeInput.NewPassword));
        audit.Record(actor, "accounts.password_changed", "account", user.Id.ToString(), null, null);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The signed-in account itself (an API token or a session of an account that no longer exists is 404).</summary>
    internal static async Task<PartageUser> AccountOf(UserManager<PartageUser> users, Actor actor) =>
        (actor.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null)
        ?? throw new DomainException(new ErrorCode("accounts.not_found", "Compte introuvable.", ErrorKind.NotFound));

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/password", async (PasswordChangeInput input, ChangePassword handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Authentification").WithName("ChangePassword")
            .WithSummary("Changer son mot de passe (révoque tous les jetons du compte, celui-ci compris : demandez-en un nouveau)")
            .ProducesProblems();
}
