using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record TerminationInput(string? LastDay, string? Reason);

public sealed class TerminateMandate(PartageDbContext db, GetEmployer view, IAuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>Ends the mandate in force on its last day (by default the 31 December of its current period: it is then not renewed).</summary>
    public async Task<EmployerView> HandleAsync(EmployerId id, TerminationInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var mandate = await db.Set<Mandate>().Where(m => m.EmployerId == id && m.TerminatedOn == null).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(EmployersErrors.NoMandate);
        var v = new Validation();
        var lastDay = v.Date("LastDay", "Le dernier jour du mandat", input.LastDay, required: false) ?? new DateOnly(Math.Max(Today.Year, mandate.SignedOn.Year), 12, 31);
        var reason = v.Required("Reason", "Le motif de la résiliation", input.Reason, 300);
        if (lastDay < mandate.SignedOn)
        {
            v.Add("LastDay", "Le dernier jour du mandat ne peut précéder sa signature.");
        }

        v.ThrowIfInvalid();
        mandate.TerminatedOn = lastDay;
        mandate.TerminationReason = reason;
        audit.Record(actor, "employers.mandate_terminated", "employer", id.ToString(), null,
            new { Mandate = mandate.Id, LastDay = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Reason = reason });
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/mandates/terminate", async (Guid id, TerminationInput input, TerminateMandate terminate, ActorAccessor actors, CancellationToken ct) =>
                await terminate.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("TerminateMandate").WithSummary("Résilier le mandat en cours à son dernier jour (par défaut le 31 décembre : pas de renouvellement)").ProducesProblems();
    }
}
