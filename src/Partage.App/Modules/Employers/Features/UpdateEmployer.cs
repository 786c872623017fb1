using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>Changes an employer's record (payroll staff); the before and after go to the audit trail.</summary>
public sealed class UpdateEmployer(PartageDbContext db, EmployerRecord record, GetEmployer view, IAuditLog audit)
{
    public async Task<EmployerView> HandleAsync(EmployerId id, EmployerInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var before = new { employer.Name, employer.Siret, employer.Headcount, employer.AtMpRate, employer.ExposureLimitCents };
        await record.ApplyAsync(employer, input, ct);
        audit.Record(actor, "employers.updated", "employer", employer.Id.ToString(), before, new { employer.Name, employer.Siret, employer.Headcount, employer.AtMpRate, employer.ExposureLimitCents });
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPut("/{id:guid}", async (Guid id, EmployerInput input, UpdateEmployer update, ActorAccessor actors, CancellationToken ct) =>
                await update.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateEmployer").WithSummary("Modifier la fiche d'un employeur (service paie)").ProducesProblems();
    }
}
