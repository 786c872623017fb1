using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>Governance staff close the vote (at the end of the meeting, or once the window has passed): no vote is taken after; the results and the minutes follow.</summary>
public sealed class CloseAssembly(PartageDbContext db, AssemblyViews views, IAuditLog audit, TimeProvider clock)
{
    public async Task<AssemblyView> HandleAsync(AssemblyId id, Actor actor, CancellationToken ct = default)
    {
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
        var assembly = await db.Set<Assembly>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (assembly.Status != AssemblyStatus.Convened || now < assembly.VotingOpensAt)
        {
            throw new DomainException(GovernanceErrors.AssemblyWrongStatus, assembly.Status == AssemblyStatus.Convened ? "Le vote n'est pas encore ouvert : il ne se clôt pas avant." : "Seule une assemblée convoquée se clôt.");
        }

        (assembly.Status, assembly.ClosedAt, assembly.ClosedBy) = (AssemblyStatus.Closed, now, actor.Name);
        assembly.VotingClosesAt = now < assembly.VotingClosesAt ? now : assembly.VotingClosesAt;
        audit.Record(actor, "governance.assembly_closed", "assembly", id.ToString(), new { Status = AssemblyStatus.Convened }, new { assembly.Number, ClosedAt = now });
        await db.SaveChangesAsync(ct);   // the row's version: a vote counted at the same moment either lands before or is refused
        return await views.OfAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies/{id:guid}/close", async (Guid id, CloseAssembly handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("CloseAssembly").WithSummary("Clore le vote d'une assemblée : résultats et procès-verbal (gouvernance)").ProducesProblems();
}
