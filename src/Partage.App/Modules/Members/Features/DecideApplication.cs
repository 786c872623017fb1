using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>The reason told to an applicant whose membership is refused (ignored on approval).</summary>
public sealed record ApplicationDecision(string? Reason);

/// <summary>
/// The office's manager (or an administrator) decides a pending application. Approved, the member becomes active from
/// today and their account a member's; refused, the reason is kept and sent, and the account is closed. Either way the
/// account's security stamp changes, so its sessions and tokens end and the next sign-in carries the new role. The
/// decision is taken once: the row changes only while it is still pending, so a double click or a second manager gets 409.
/// </summary>
public sealed class DecideApplication(PartageDbContext db, UserManager<PartageUser> users, Outbox outbox, IAuditLog audit, IConfiguration configuration, TimeProvider clock)
{
    public static readonly ErrorCode NotPending = new("members.application_decided", "Cette demande d'adhésion a déjà été traitée.", ErrorKind.Conflict);

    public static readonly ErrorCode EmailNotConfirmed = new("members.email_not_confirmed",
        "Le demandeur n'a pas encore confirmé son adresse e-mail : la demande ne peut être acceptée qu'après.");

    public async Task<MemberId> HandleAsync(MemberId id, bool approve, ApplicationDecision input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await db.Set<Member>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !MembersAccess.CanEditRecord(actor, member))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        var v = new Validation();
        var reason = approve ? null : v.Required(nameof(input.Reason), "Le motif du refus", input.Reason, MemberFields.RefusalReasonMaxLength);
        v.ThrowIfInvalid();
        if (member.Status != MemberStatus.Pending)
        {
            throw new DomainException(NotPending);
        }

        if (approve && member.EmailConfirmedAt is null)
        {
            throw new DomainException(EmailNotConfirmed);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = clock.Today();
        var status = approve ? MemberStatus.Active : MemberStatus.Refused;
        var membershipDate = approve ? today : member.MembershipDate;
        var changed = await db.Set<Member>().Where(m => m.Id == id && m.Status == MemberStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.RefusalReason, reason).SetProperty(m => m.MembershipDate, membershipDate), ct);
        if (changed == 0)
        {
            throw new DomainException(NotPending);
        }

        await FollowWithAccountAsync(member, approve);
        audit.Record(actor, approve ? "members.approved" : "members.refused", "member", id.ToString(),
            new { Status = nameof(MemberStatus.Pending) }, new { Status = status.ToString(), MembershipDate = membershipDate, Reason = reason });
        Tell(member, approve, reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return id;
    }

    /// <summary>The applicant's role becomes a member's (approved) or the account is locked (refused); its stamp changes either way.</summary>
    private async Task FollowWithAccountAsync(Member member, bool approve)
    {
        if (member.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } account)
        {
            return;
        }

        if (approve)
        {
            await users.RemoveFromRoleAsync(account, Roles.Applicant);
            await users.AddToRoleAsync(account, Roles.Member);
        }
        else
        {
            account.LockoutEnabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
        }

        await users.UpdateSecurityStampAsync(account);
    }

    private void Tell(Member member, bool approve, string? reason)
    {
        var url = configuration["App:PublicUrl"]?.TrimEnd('/');
        var body = approve
            ? $"Bonjour {member.FirstName},\n\nVotre bureau a accepté votre adhésion : bienvenue ! Votre numéro de membre est le {member.Number}.\n"
              + $"Connectez-vous pour commencer : {url}/connexion\n\nPartage"
            : $"Bonjour {member.FirstName},\n\nVotre bureau n'a pas accepté votre demande d'adhésion, pour le motif suivant :\n{reason}\n\n"
              + "Pour en parler, répondez à ce message ou contactez votre bureau.\n\nPartage";
        outbox.Enqueue(member.Email, approve ? "Partage : votre adhésion est acceptée" : "Partage : votre demande d'adhésion", body);
    }

    public static void Map(RouteGroupBuilder members)
    {
        members.MapPost("/{id:guid}/approve", async (Guid id, DecideApplication handler, GetMember get, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return TypedResults.Ok(await get.HandleAsync(await handler.HandleAsync(new MemberId(id), approve: true, new ApplicationDecision(null), actor, ct), actor, ct));
            })
            .WithName("ApproveApplication").WithSummary("Accepter une demande d'adhésion (gestionnaire du bureau, administration)")
            .Produces<MemberView>().ProducesProblems();
        members.MapPost("/{id:guid}/refuse", async (Guid id, ApplicationDecision input, DecideApplication handler, GetMember get, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return TypedResults.Ok(await get.HandleAsync(await handler.HandleAsync(new MemberId(id), approve: false, input, actor, ct), actor, ct));
            })
            .WithName("RefuseApplication").WithSummary("Refuser une demande d'adhésion avec son motif (gestionnaire du bureau, administration)")
            .Produces<MemberView>().ProducesProblems();
    }
}
