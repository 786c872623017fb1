using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>What anyone who registers is told, whether the registration was recorded or the address was already taken.</summary>
public sealed record RegistrationReceipt(string Status, string Message);

/// <summary>
/// « Devenir membre » : someone registers themselves. They become a pending member with an applicant's account that sees
/// only its own application; a link to confirm the address goes to it by e-mail, and the office's manager then approves or
/// refuses (<see cref="DecideApplication"/>). The answer, and the work behind it, is the same when the e-mail or the social
/// security number is already taken: the address's owner is told by e-mail instead, so the form tells nobody who is a member.
/// </summary>
public sealed class RegisterMember(
    CreateMember create,
    PartageDbContext db,
    UserManager<PartageUser> users,
    AccountLinks links,
    Outbox outbox,
    IConfiguration configuration,
    SecurityOptions options)
{
    public const string Purpose = "email-confirmation";

    public static readonly RegistrationReceipt Receipt = new("pending",
        "Merci ! Un e-mail vient de partir vers l'adresse indiquée : ouvrez son lien pour confirmer votre adresse. "
        + "Le gestionnaire de votre bureau examinera ensuite votre demande et vous recevrez sa réponse par e-mail.");

    public async Task<RegistrationReceipt> HandleAsync(NewMemberInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await create.RegisterAsync(input, ct);
        if (member?.UserId is { } userId && await users.FindByIdAsync(userId.ToString()) is { } account)
        {
            await SendConfirmationAsync(account);
        }
        else
        {
            await AnswerTakenAsync(input);
        }

        await db.SaveChangesAsync(ct);
        return Receipt;
    }

    /// <summary>
    /// The address already belongs to an account, or the NIR to a member: as much work as a registration (a password hash),
    /// and an e-mail to the address — a new confirmation link when it is that person's own unconfirmed application.
    /// </summary>
    private async Task AnswerTakenAsync(NewMemberInput input)
    {
        users.PasswordHasher.HashPassword(new PartageUser(), input.Password ?? string.Empty);
        var email = input.Email!.Trim();
        var account = await users.FindByEmailAsync(email);
        var pending = account is null ? null : await db.Set<Member>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == account.Id && m.Status == MemberStatus.Pending && m.EmailConfirmedAt == null);
        if (account is not null && pending is not null)
        {
            await SendConfirmationAsync(account);
            return;
        }

        outbox.Enqueue(email, "Partage : votre demande d'inscription",
            "Bonjour,\n\nQuelqu'un, peut-être vous, a demandé à devenir membre de Partage avec cette adresse ; mais un compte utilise déjà "
            + "cette adresse, ou un membre est déjà inscrit avec le numéro de sécurité sociale indiqué. Aucune nouvelle inscription n'a été créée.\n"
            + $"Si vous avez oublié votre mot de passe : {PublicUrl}/mot-de-passe-oublie\nSinon, votre bureau vous aidera. Si ce n'était pas vous, ignorez ce message.\n\nPartage");
    }

    private async Task SendConfirmationAsync(PartageUser account)
    {
        var token = await links.CreateAsync(account, Purpose, TimeSpan.FromHours(options.EmailConfirmationHours));
        outbox.Enqueue(account.Email!, "Partage : confirmez votre adresse e-mail",
            $"Bonjour {account.DisplayName},\n\nPour confirmer votre adresse et transmettre votre demande d'adhésion à votre bureau, "
            + $"ouvrez ce lien dans les {options.EmailConfirmationHours} heures :\n{PublicUrl}/inscription/confirmer?jeton={token}\n\n"
            + "Si vous n'avez rien demandé, ignorez ce message.\n\nPartage");
    }

    private string PublicUrl => configuration["App:PublicUrl"]?.TrimEnd('/') ?? string.Empty;

    public static void Map(RouteGroupBuilder anonymousApi) =>
        anonymousApi.MapPost("/registrations", async (NewMemberInput input, RegisterMember handler, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.HandleAsync(input, ct)))
            .WithTags("Membres").WithName("RegisterMember")
            .WithSummary("Inscription d'un nouveau membre : demande en attente, lien de confirmation par e-mail, puis accord du bureau (même réponse si l'adresse est prise)")
            .ProducesProblems();
}
