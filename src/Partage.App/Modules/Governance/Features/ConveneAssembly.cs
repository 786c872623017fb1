using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>
/// The convocation: within the statutes' notice (15 days on first call, 10 on the next), the roll is fixed — every
/// shareholder admitted and not gone on that day, in the college of their category — with the ballot box's counts at
/// zero, and each shareholder receives the convocation by e-mail with its PDF (and a notice in Partage for members).
/// </summary>
public sealed class ConveneAssembly(
    PartageDbContext db, ShareRegister register, AssemblyViews views, IMembersApi members, INotificationsApi notifications, ILegalEntitiesApi entities, Outbox outbox,
    IConfiguration configuration, IAuditLog audit, TimeProvider clock)
{
    public async Task<AssemblyView> HandleAsync(AssemblyId id, Actor actor, CancellationToken ct = default)
    {
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var assembly = await db.Set<Assembly>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        var resolutions = await db.Set<Resolution>().Where(r => r.AssemblyId == id).ToListAsync(ct);
        if (assembly.Status != AssemblyStatus.Draft || resolutions.Count == 0)
        {
            throw new DomainException(GovernanceErrors.AssemblyWrongStatus, resolutions.Count == 0 ? "Ajoutez d'abord les résolutions de l'ordre du jour." : "Cette assemblée est déjà convoquée.");
        }

        var code = await register.EntityCodeAsync(assembly.LegalEntityId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ParisTime.DateOf(now);
        var meetingDay = ParisTime.DateOf(assembly.MeetingAt);
        var notice = (int)Statutes.Number(code, assembly.Call == 1 ? Statutes.NoticeDaysFirst : Statutes.NoticeDaysSecond, today);
        if (meetingDay.DayNumber - today.DayNumber < notice)
        {
            throw new DomainException(GovernanceErrors.NoticeTooShort, $"Convoquée aujourd'hui, l'assemblée se tient au plus tôt le {today.AddDays(notice):dd/MM/yyyy} ({notice} jours de préavis).");
        }

        var shareholders = await db.Set<Shareholder>().AsNoTracking()
            .Where(s => s.LegalEntityId == assembly.LegalEntityId && s.Status == ShareholderStatus.Admitted && s.AdmittedOn <= today).ToListAsync(ct);
        var holdings = await register.HoldingsAsync(assembly.LegalEntityId, today, null, ct);
        var roll = shareholders.Where(s => holdings.GetValueOrDefault(s.Id)?.Shares > 0).ToList();
        foreach (var s in roll)
        {
            db.Add(new AssemblyVoter { AssemblyId = id, ShareholderId = s.Id, MemberId = s.MemberId, Name = s.Name, Category = s.Category, College = Statutes.CollegeOf(code, s.Category, meetingDay).Code });
        }

        foreach (var resolution in resolutions)
        {
            db.AddRange(Statutes.CollegesOn(code, meetingDay).SelectMany(c => Enum.GetValues<VoteChoice>().Select(choice => new BallotCount { ResolutionId = resolution.Id, College = c.Code, Choice = choice })));
        }

        (assembly.Status, assembly.ConvenedAt, assembly.ConvenedBy, assembly.RollDate) = (AssemblyStatus.Convened, now, actor.Name, today);
        audit.Record(actor, "governance.assembly_convened", "assembly", id.ToString(), new { Status = AssemblyStatus.Draft }, new { assembly.Number, Roll = roll.Count, RollDate = today });
        await db.SaveChangesAsync(ct);
        await SendAsync(assembly, roll, actor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(id, actor, ct);
    }

    /// <summary>The convocation to every shareholder with an address, its PDF attached; members are also told in Partage.</summary>
    private async Task SendAsync(Assembly assembly, IReadOnlyList<Shareholder> roll, Actor actor, CancellationToken ct)
    {
        var view = await views.OfAsync(assembly.Id, actor, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == assembly.LegalEntityId);
        var pdf = GovernanceDocuments.Convocation(entity.Name, view);
        var contacts = await members.ContactsAsync(roll.Select(s => s.MemberId).OfType<MemberId>().ToList(), ct);
        var subject = $"Convocation : {view.KindLabel.ToLowerInvariant()} du {GovernanceDocuments.When(assembly.MeetingAt)} — {entity.Name}";
        var body = $"Bonjour,\n\nVous êtes convoqué(e) à l'{view.KindLabel.ToLowerInvariant()} « {assembly.Title} » de {entity.Name}, le {GovernanceDocuments.When(assembly.MeetingAt)}, {assembly.Place}.\n\n"
            + $"Ordre du jour :\n{string.Join("\n", view.Resolutions.Select(r => $"  {r.Number}. {r.Title}"))}\n\n"
            + $"Vous pouvez voter dans Partage du {GovernanceDocuments.When(assembly.VotingOpensAt)} au {GovernanceDocuments.When(assembly.VotingClosesAt)}, ou donner pouvoir à un autre sociétaire :\n"
            + $"{configuration["App:PublicUrl"]?.TrimEnd('/')}/assemblees/{assembly.Id}\n\n"
            + "La convocation est jointe en PDF.\n";
        foreach (var email in roll.Select(s => s.MemberId is { } m ? contacts.GetValueOrDefault(m)?.Email : s.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct())
        {
            outbox.Enqueue(email!, subject, body, $"convocation-{assembly.Number}.pdf", pdf);
        }

        await notifications.NotifyMembersAsync(NoticeKind.AssemblyConvened, roll.Where(s => s.MemberId is not null)
            .Select(s => new MemberNotice(s.MemberId!.Value, $"Convocation : {assembly.Title}, le {GovernanceDocuments.When(assembly.MeetingAt)} — votez en ligne", $"/assemblees/{assembly.Id}")).ToList(), actor, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies/{id:guid}/convene", async (Guid id, ConveneAssembly handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("ConveneAssembly").WithSummary("Convoquer l'assemblée : liste des votants arrêtée, convocations envoyées (gouvernance)").ProducesProblems();
}
