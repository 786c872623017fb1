using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

public sealed record PasswordResetRequest(string? Email);

/// <summary>
/// « Mot de passe oublié » : a link to choose a new password goes to the account's e-mail through the outbox. The answer
/// is the same whether an account uses the address or not, and so is the work: an address without an account gets an
/// e-mail saying so (whoever owns it learns that someone asked), so that neither the answer nor its time tells who has an
/// account.
/// </summary>
public sealed class RequestPasswordReset(UserManager<PartageUser> users, AccountLinks links, Outbox outbox, PartageDbContext db, IConfiguration configuration, SecurityOptions options)
{
    public const string Purpose = "password-reset";

    public string Answer =>
        $"Si un compte Partage utilise cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé ; il vaut {options.PasswordResetMinutes} minutes et une seule fois.";

    public async Task HandleAsync(PasswordResetRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = input.Email?.Trim() ?? string.Empty;
        if (email.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(PasswordResetRequest.Email)] = ["Indiquez l'adresse e-mail de votre compte."] });
        }

        var user = await users.FindByEmailAsync(email);
        if (user?.Email is null)
        {
            outbox.Enqueue(email, "Partage : demande de nouveau mot de passe",
                "Bonjour,\n\nQuelqu'un a demandé un nouveau mot de passe Partage pour cette adresse, mais aucun compte ne l'utilise."
                + "\nSi c'était vous, vous avez peut-être créé votre compte avec une autre adresse. Sinon, ignorez ce message.\n\nPartage");
        }
        else
        {
            var token = await links.CreateAsync(user, Purpose, TimeSpan.FromMinutes(options.PasswordResetMinutes));
            var link = $"{configuration["App:PublicUrl"]?.TrimEnd('/')}/mot-de-passe/nouveau?jeton={token}";
            outbox.Enqueue(user.Email, "Partage : choisir un nouveau mot de passe",
                $"Bonjour {user.DisplayName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les {options.PasswordResetMinutes} minutes :\n{link}\n\n"
                + "Il ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n\nPartage");
        }

        await db.SaveChangesAsync(ct);
    }

    public static void Map(RouteGroupBuilder anonymousApi) =>
        anonymousApi.MapPost("/auth/password-reset", async (PasswordResetRequest input, RequestPasswordReset handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(input, ct);
                return TypedResults.Accepted((string?)null, new { status = "sent", message = handler.Answer });
            })
            .WithTags("Authentification").WithName("RequestPasswordReset")
            .WithSummary("Mot de passe oublié : envoie un lien à usage unique à l'adresse du compte (même réponse si aucun compte ne l'utilise)")
            .ProducesProblems();
}
