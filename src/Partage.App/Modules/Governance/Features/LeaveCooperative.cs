using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record LeaveCooperativeInput(string? Reason, string? Decision, string? On = null);

/// <summary>A shareholder leaves: resignation (their letter), exclusion (the assembly's decision) or death. They stop voting; their shares wait for the redemption.</summary>
public sealed class LeaveCooperative(PartageDbContext db, ShareRegister register, ShareholderViews views, IAuditLog audit)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, LeaveCooperativeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var reason = v.Enum<LeaveReason>(nameof(input.Reason), "Le motif de sortie", input.Reason, required: true);
        var decision = v.Required(nameof(input.Decision), "La pièce (lettre de démission, décision d'exclusion…)", input.Decision, 300);
        var on = RegisterDates.NotAhead(v, register, input.On);
        v.ThrowIfInvalid();
        var holder = await RegisterDates.AdmittedAsync(db, id, ct);
        await RegisterDates.NotBeforeLastAsync(db, holder, on, ct);
        (holder.Status, holder.LeftOn, holder.LeaveReason, holder.LeaveDecision) = (ShareholderStatus.Left, on, reason, decision);
        audit.Record(actor, "governance.left", "shareholder", holder.Id.ToString(), new { Status = ShareholderStatus.Admitted }, new { reason, decision, on });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/leave", async (Guid id, LeaveCooperativeInput input, LeaveCooperative handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("LeaveCooperative").WithSummary("Enregistrer la sortie d'un sociétaire : démission, exclusion, décès (gouvernance)").ProducesProblems();
}
