using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>Registers an employer of the contract-management service (payroll staff).</summary>
public sealed class CreateEmployer(PartageDbContext db, EmployerRecord record, GetEmployer view, IAuditLog audit, TimeProvider clock)
{
    public async Task<EmployerView> HandleAsync(EmployerInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var created = new Employer { Id = TypedId.New<EmployerId>(), Status = EmployerStatus.Active, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name };
        await record.ApplyAsync(created, input, ct);
        db.Add(created);
        audit.Record(actor, "employers.created", "employer", created.Id.ToString(), null, new { created.Name, created.Siret, LegalForm = created.LegalForm.ToString() });
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(created.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/", async (EmployerInput input, CreateEmployer create, ActorAccessor actors, CancellationToken ct) =>
            {
                var employer = await create.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employers/{employer.Id}", employer);
            })
            .WithName("CreateEmployer").WithSummary("Inscrire un employeur (service paie)").ProducesProblems();
    }
}
