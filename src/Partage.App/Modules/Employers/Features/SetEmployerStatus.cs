using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>Makes an employer active or inactive (payroll staff).</summary>
public sealed class SetEmployerStatus(PartageDbContext db, GetEmployer view, IAuditLog audit)
{
    public async Task<EmployerView> HandleAsync(EmployerId id, bool active, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var before = employer.Status;
        employer.Status = active ? EmployerStatus.Active : EmployerStatus.Inactive;
        audit.Record(actor, "employers.status_changed", "employer", employer.Id.ToString(), new { Status = before.ToString() }, new { Status = employer.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPut("/{id:guid}/status", async (Guid id, StatusInput input, SetEmployerStatus update, ActorAccessor actors, CancellationToken ct) =>
                await update.HandleAsync(EmployerId.From(id), input.Active, await actors.GetAsync(ct), ct))
            .WithName("SetEmployerStatus").WithSummary("Rendre un employeur actif ou inactif (service paie)").ProducesProblems();
    }
}
