using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>One exchange with the platform as finance reads it.</summary>
public sealed record PlatformFlowView(
    Guid Id, string Entity, string Direction, string Kind, string TrackingId, int? StatusCode, string State, int Attempts, string? LastError,
    DateTime QueuedAt, DateTime? NextAttemptAt, DateTime? DoneAt, Guid? InvoiceId);

/// <summary>
/// Finance's view of the exchanges with the accredited platform — by default what needs them: flows that failed
/// (refused for good, or given up) and incoming flows rejected, each with its reason; or any state asked for —
/// newest first; and a failed outgoing flow put back in the queue once its cause is fixed (a client's SIREN
/// corrected, the platform back), tried again at the next round.
/// </summary>
public sealed class ListPlatformFlows(PartageDbContext db, ILegalEntitiesApi entities, IAuditLog audit, TimeProvider clock)
{
    public async Task<PagedResult<PlatformFlowView>> HandleAsync(PlatformFlowState? state, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var query = db.Set<PlatformFlow>().AsNoTracking();
        query = state is { } wanted ? query.Where(f => f.State == wanted) : query.Where(f => f.State == PlatformFlowState.Failed || f.State == PlatformFlowState.Rejected);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(f => f.QueuedAt).ThenByDescending(f => f.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var codes = await entities.CodesAsync(ct);
        return new PagedResult<PlatformFlowView>(rows.Select(f => new PlatformFlowView(
            f.Id, codes[f.LegalEntityId], f.Direction == FlowDirection.Out ? "envoi" : "réception", Label(f.Kind), f.TrackingId, f.StatusCode, StateLabel(f.State), f.Attempts,
            f.LastError, f.QueuedAt, f.NextAttemptAt, f.DoneAt, f.InvoiceId?.Value)).ToList(), page.Page, page.Size, total);
    }

    /// <summary>A failed outgoing flow, queued again (its version moves: two clicks queue it once).</summary>
    public async Task RetryAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var flow = await db.Set<PlatformFlow>().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(InvoicingErrors.FlowNotFound);
        if (flow.Direction != FlowDirection.Out || flow.State != PlatformFlowState.Failed)
        {
            throw new DomainException(InvoicingErrors.FlowNotFailed);
        }

        var before = new { flow.State, flow.Attempts, flow.LastError };
        (flow.State, flow.Attempts, flow.NextAttemptAt) = (PlatformFlowState.Queued, 0, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, "einvoicing.requeued", "platform_flow", flow.Id.ToString(), before, new { flow.State });
        await db.SaveChangesAsync(ct);
    }

    public static string StateLabel(PlatformFlowState state) => state switch
    {
        PlatformFlowState.Queued => "en attente",
        PlatformFlowState.Submitted => "déposé",
        PlatformFlowState.Failed => "en échec",
        PlatformFlowState.Received => "reçu",
        _ => "rejeté",
    };

    private static string Label(PlatformFlowKind kind) => kind switch
    {
        PlatformFlowKind.Invoice => "facture",
        PlatformFlowKind.Lifecycle => "statut",
        _ => "e-reporting",
    };

    private static void Require(Actor actor)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }
    }

    public static void Map(RouteGroupBuilder finance)
    {
        finance.MapGet("/einvoicing/flows", async (string? state, int? page, int? pageSize, ListPlatformFlows handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Validation();
                var wanted = v.Enum<PlatformFlowState>("state", "L'état", state, required: false);
                v.ThrowIfInvalid();
                return TypedResults.Ok(await handler.HandleAsync(wanted, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct));
            })
            .WithTags("Facturation électronique").WithName("ListPlatformFlows")
            .WithSummary("Échanges avec la plateforme agréée : par défaut ceux en échec ou rejetés, avec leur motif (finance)").ProducesProblems();
        finance.MapPost("/einvoicing/flows/{id:guid}/retry", async (Guid id, ListPlatformFlows handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.RetryAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Facturation électronique").WithName("RetryPlatformFlow").WithSummary("Remettre en file un envoi en échec (finance)").ProducesProblems();
    }
}
