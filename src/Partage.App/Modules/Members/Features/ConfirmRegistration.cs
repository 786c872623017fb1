using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.App.Security.Accounts;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

public sealed record RegistrationConfirmation(string? Token);

/// <summary>
/// The applicant opened the link sent at registration: the address is theirs. The application then appears as confirmed
/// in the office's queue, where only a confirmed one can be approved. Opening the link again changes nothing.
/// </summary>
public sealed class ConfirmRegistration(PartageDbContext db, UserManager<PartageUser> users, AccountLinks links, IAuditLog audit, TimeProvider clock)
{
    public static readonly ErrorCode LinkInvalid = new("members.confirmation_link_invalid",
        "Ce lien de confirmation n'est plus valable (expiré ou incomplet) : inscrivez-vous à nouveau avec la même adresse pour en recevoir un nouveau.");

    public const string Confirmed =
        "Votre adresse est confirmée. Votre demande d'adhésion est transmise au gestionnaire de votre bureau : vous recevrez sa réponse par e-mail. "
        + "En attendant, vous pouvez vous connecter pour consulter votre demande.";

    public async Task<RegistrationReceipt> HandleAsync(RegistrationConfirmation input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await links.FindAsync(input.Token, RegisterMember.Purpose) ?? throw new DomainException(LinkInvalid);
        var member = await db.Set<Member>().SingleOrDefaultAsync(m => m.UserId == account.Id, ct) ?? throw new DomainException(LinkInvalid);
        if (member.EmailConfirmedAt is null)
        {
            member.EmailConfirmedAt = clock.GetUtcNow().UtcDateTime;
            account.EmailConfirmed = true;
            audit.Record(AccountActor.Of(account), "members.email_confirmed", "member", member.Id.ToString(), null, new { member.Email });
            await users.UpdateAsync(account);   // saves the member's row and the audit with the account
        }

        return new RegistrationReceipt("confirmed", Confirmed);
    }

    public static void Map(RouteGroupBuilder anonymousApi) =>
        anonymousApi.MapPost("/registrations/confirm", async (RegistrationConfirmation input, ConfirmRegistration handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(input, ct)))
            .WithTags("Membres").WithName("ConfirmRegistration")
            .WithSummary("Confirmer l'adresse e-mail d'une inscription avec le lien reçu")
            .ProducesProblems();
}
