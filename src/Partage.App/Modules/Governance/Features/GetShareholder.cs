using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>A shareholder's record (governance staff, or the member themselves), the member's own records, and a movement's certificate.</summary>
public sealed class GetShareholder(PartageDbContext db, ShareholderViews views, ILegalEntitiesApi entities)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, Actor actor, CancellationToken ct = default)
    {
        var holder = await db.Set<Shareholder>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(GovernanceErrors.NotFound);
        return await views.OfAsync(holder, ct);
    }

    /// <summary>The member's own records, one per cooperative they applied to.</summary>
    public async Task<IReadOnlyList<ShareholderView>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.MemberId is not { } member)
        {
            return [];
        }

        var result = new List<ShareholderView>();
        foreach (var holder in await db.Set<Shareholder>().AsNoTracking().Where(s => s.MemberId == member).ToListAsync(ct))
        {
            result.Add(await views.OfAsync(holder, ct));
        }

        return result;
    }

    public async Task<(string FileName, byte[] Content)> CertificateAsync(Guid movementId, Actor actor, CancellationToken ct = default)
    {
        var movement = await db.Set<ShareMovement>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == movementId, ct);
        var holder = movement is null ? null : await db.Set<Shareholder>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(s => s.Id == movement.ShareholderId, ct);
        if (movement is null || holder is null)
        {
            throw new DomainException(GovernanceErrors.MovementNotFound);
        }

        var view = await views.OfAsync(holder, ct);
        var after = await db.Set<ShareMovement>().AsNoTracking().Where(m => m.ShareholderId == holder.Id && string.Compare(m.Number, movement.Number) <= 0)
            .GroupBy(m => m.ShareholderId).Select(g => new Holding(g.Sum(m => m.Shares), g.Sum(m => m.SubscribedCents), g.Sum(m => m.PaidCents))).SingleAsync(ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == holder.LegalEntityId);
        var content = GovernanceDocuments.Certificate($"{entity.Name}, {entity.LegalForm}, SIREN {entity.Siren}", view, view.Movements.Single(m => m.Id == movement.Id), after);
        return ($"certificat-{movement.Number}.pdf", content);
    }

    public static void Map(RouteGroupBuilder governance)
    {
        governance.MapGet("/shareholders/{id:guid}", async (Guid id, GetShareholder handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("GetShareholder").WithSummary("Un sociétaire : parts, capital, catégories, mouvements (gouvernance, ou le membre lui-même)").ProducesProblems();
        governance.MapGet("/me/shares", async (GetShareholder handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.MineAsync(await actors.GetAsync(ct), ct)))
            .WithName("GetMyShares").WithSummary("Mes parts sociales, dans chaque coopérative").ProducesProblems();
        governance.MapGet("/share-movements/{id:guid}/certificate.pdf", async (Guid id, GetShareholder handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.CertificateAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("GetShareCertificate").WithSummary("Le certificat d'un mouvement du registre, en PDF").Produces(200, contentType: "application/pdf").ProducesProblems();
    }
}
