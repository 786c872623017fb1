using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The member signs their contract online, before the start date ("lu et approuvé"): she types her name as on her civil
/// record and the one-time code she received by e-mail (<see cref="SendSignatureCode"/>). The name, time, address, the
/// code's number and the fingerprint of the clauses are kept and printed on the contract's last page.
/// </summary>
public sealed class SignContract(PartageDbContext db, GetJob views, IMembersApi members, SignatureCodes codes, GetContractPdf contracts, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<JobView> HandleAsync(JobId id, SignatureInput input, string? ip, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var job = await views.LoadAsync(id, actor, ct);
        var person = actor.MemberId == job.MemberId ? await members.EmployeeAsync(job.MemberId, ct) : null;
        if (person is null)
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        job.RequireSignable(clock.Today());
        var v = new Validation();
        var name = v.Required("Name", "Votre nom (signature)", input.Name, 200);
        if (name is not null && !SignatureCodes.SameName(name, person.FirstName, person.LastName))
        {
            v.Add("Name", $"Tapez votre nom tel qu'il figure à votre état civil et sur le contrat : {person.FirstName} {person.LastName}.");
        }

        v.ThrowIfInvalid();
        var code = await codes.SpendAsync(job.Id, Signer.Member, actor.UserId, input.Code, v, ct);
        v.ThrowIfInvalid();
        job.Sign(name!, ip, clock.GetUtcNow().UtcDateTime, clock.Today(), code!.Id, await contracts.TermsSha256Async(job, ct));
        audit.Record(actor, "payroll.contract_signed", "job", job.Id.ToString(), null, new { job.Number, Name = name, Ip = ip, CodeId = code.Id, job.SignedTermsSha256 });
        await notifications.NotifyManagersAsync(job.OfficeId, NoticeKind.ContractToCountersign,
            $"Contrat {job.Number} signé par {person.FirstName} {person.LastName}, à contre-signer avant le {job.Start:dd/MM/yyyy}", $"/travaux/{job.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/sign", async (Guid id, SignatureInput input, HttpContext http, SignContract handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), input, http.Connection.RemoteIpAddress?.ToString(), await actors.GetAsync(ct), ct))
            .WithName("SignContract").WithSummary("Le membre signe son contrat (avant le début) : son nom d'état civil et le code reçu par e-mail").ProducesProblems();
    }
}
