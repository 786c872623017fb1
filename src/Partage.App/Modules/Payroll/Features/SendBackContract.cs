using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// A manager (or payroll) will not countersign a contract as declared: it goes back to the member with the reason. Nothing
/// was committed nor declared before the countersignature, so the job is cancelled and the member declares it again
/// (its pay and dates never change once declared). The member reads the reason on the job and in a notification.
/// </summary>
public sealed class SendBackContract(PartageDbContext db, GetJob views, INotificationsApi notifications, IAuditLog audit)
{
    public async Task<JobView> HandleAsync(JobId id, SendBackInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var job = await views.LoadAsync(id, actor, ct);
        if (!JobsAccess.CanCountersign(actor, job))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var reason = input.CheckedReason();
        var before = job.Status;
        job.SendBack(reason);
        audit.Record(actor, "payroll.contract_sent_back", "job", job.Id.ToString(), new { Status = before }, new { job.Status, Reason = reason });
        await notifications.NotifyMemberAsync(job.MemberId, NoticeKind.ContractReturned, $"Votre contrat {job.Number} vous est renvoyé : {reason}", $"/travaux/{job.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/send-back", async (Guid id, SendBackInput input, SendBackContract handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SendBackContract").WithSummary("Renvoyer au membre, avec un motif, un contrat pas encore contre-signé (gestionnaire d'activité, paie) : le travail est annulé").ProducesProblems();
    }
}
