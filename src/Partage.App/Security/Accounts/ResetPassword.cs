using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

public sealed record NewPasswordInput(string? Token, string? NewPassword);

/// <summary>
/// The new password chosen from a reset link. The link proves the e-mail is the account holder's: the password is
/// replaced, the security stamp changes (the link, every token and every other session die with it), the account is
/// unlocked, and the change is in the audit trail.
/// </summary>
public sealed class ResetPassword(UserManager<PartageUser> users, AccountLinks links, IAuditLog audit)
{
    public static readonly ErrorCode LinkInvalid = new("auth.reset_link_invalid",
        "Ce lien n'est plus valable (déjà utilisé, expiré ou incomplet) : demandez un nouveau lien depuis « Mot de passe oublié ? ».");

    public async Task HandleAsync(NewPasswordInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(NewPasswordInput.NewPassword)] = ["Choisissez un nouveau mot de passe."] });
        }

        var user = await links.FindAsync(input.Token, RequestPasswordReset.Purpose) ?? throw new DomainException(LinkInvalid);
        ct.ThrowIfCancellationRequested();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), input.NewPassword);
        PasswordRules.ThrowIfRefused(result, nameof(NewPasswordInput.NewPassword));
        audit.Record(AccountActor.Of(user), "accounts.password_reset", "account", user.Id.ToString(), null, null);
        await users.SetLockoutEndDateAsync(user, null);   // saves the audit row with it
        await users.ResetAccessFailedCountAsync(user);
    }

    public static void Map(RouteGroupBuilder anonymousApi) =>
        anonymousApi.MapPost("/auth/password-reset/confirm", async (NewPasswordInput input, ResetPassword handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(input, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Authentification").WithName("ResetPassword")
            .WithSummary("Choisir un nouveau mot de passe avec le lien reçu par e-mail (à usage unique ; révoque jetons et sessions)")
            .ProducesProblems();
}
