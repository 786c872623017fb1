using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>The member signs their contract online, before the start date ("lu et approuvé": name, time and IP kept).</summary>
public sealed class SignContract(PartageDbContext db, GetJob views, IAuditLog audit, TimeProvider clock)
{
    public async Task<JobView> HandleAsync(JobId id, string? name, string? ip, Actor actor, CancellationToken ct = default)
    {
        var job = await views.LoadAsync(id, actor, ct);
        if (actor.MemberId != job.MemberId)
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var v = new Validation();
        var signature = v.Required("Name", "Votre nom (signature)", name, 200);
        v.ThrowIfInvalid();
        job.Sign(signature!, ip, clock.GetUtcNow().UtcDateTime, clock.Today());
        audit.Record(actor, "payroll.contract_signed", "job", job.Id.ToString(), null, new { job.Number, Name = signature, Ip = ip });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/sign", async (Guid id, SignatureInput input, HttpContext http, SignContract handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), input.Name, http.Connection.RemoteIpAddress?.ToString(), await actors.GetAsync(ct), ct))
            .WithName("SignContract").WithSummary("Le membre signe son contrat (avant le début)").ProducesProblems();
    }
}
