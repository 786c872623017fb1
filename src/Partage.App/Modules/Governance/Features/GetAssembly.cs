using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record AssemblyRow(AssemblyId Id, string Number, string Title, AssemblyKind Kind, string KindLabel, DateTime MeetingAt, AssemblyStatus Status, string StatusLabel, int Eligible, int Present)
{
    /// <summary>The turnout: who voted, themselves or by proxy, of those convened.</summary>
    public decimal TurnoutPercent => Eligible == 0 ? 0m : Rounding.ToDecimals(100m * Present / Eligible, 2);
}

/// <summary>An assembly (staff: any; a member: those they are convened to), the list, and its convocation and minutes as PDF.</summary>
public sealed class GetAssembly(PartageDbContext db, AssemblyViews views, ILegalEntitiesApi entities)
{
    public Task<AssemblyView> HandleAsync(AssemblyId id, Actor actor, CancellationToken ct = default) => views.OfAsync(id, actor, ct);

    public async Task<PagedResult<AssemblyRow>> ListAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = views.Visible(actor);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.MeetingAt).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();
        var turnout = await db.Set<AssemblyVoter>().AsNoTracking().Where(v => ids.Contains(v.AssemblyId)).GroupBy(v => v.AssemblyId)
            .Select(g => new { g.Key, Eligible = g.Count(), Present = g.Count(v => v.VotedAt != null) }).ToDictionaryAsync(t => t.Key, ct);
        return new PagedResult<AssemblyRow>(rows.Select(a => new AssemblyRow(a.Id, a.Number, a.Title, a.Kind, GovernanceLabels.Of(a.Kind), a.MeetingAt, a.Status, GovernanceLabels.Of(a.Status),
            turnout.GetValueOrDefault(a.Id)?.Eligible ?? 0, turnout.GetValueOrDefault(a.Id)?.Present ?? 0)).ToList(), page.Page, page.Size, total);
    }

    /// <summary>The convocation once convened; the minutes once closed.</summary>
    public async Task<(string FileName, byte[] Content)> DocumentAsync(AssemblyId id, bool minutes, Actor actor, CancellationToken ct = default)
    {
        var view = await views.OfAsync(id, actor, ct);
        if (view.Status == AssemblyStatus.Draft || minutes && view.Status != AssemblyStatus.Closed)
        {
            throw new DomainException(GovernanceErrors.AssemblyWrongStatus, minutes ? "Le procès-verbal s'établit une fois le vote clos." : "La convocation n'est pas encore envoyée.");
        }

        var entity = await db.Set<Assembly>().AsNoTracking().Where(a => a.Id == id).Select(a => a.LegalEntityId).SingleAsync(ct);
        var name = (await entities.ListAsync(ct)).Single(e => e.Id == entity).Name;
        return minutes ? ($"proces-verbal-{view.Number}.pdf", GovernanceDocuments.Minutes(name, view)) : ($"convocation-{view.Number}.pdf", GovernanceDocuments.Convocation(name, view));
    }

    public static void Map(RouteGroupBuilder governance)
    {
        governance.MapGet("/assemblies", async (int? page, int? pageSize, GetAssembly handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new PageRequest(page, pageSize), await actors.GetAsync(ct), ct)))
            .WithName("ListAssemblies").WithSummary("Les assemblées générales (gouvernance : toutes ; un membre : celles où il est convoqué)").ProducesProblems();
        governance.MapGet("/assemblies/{id:guid}", async (Guid id, GetAssembly handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("GetAssembly").WithSummary("Une assemblée : ordre du jour, participation par collège en direct, résultats une fois close").ProducesProblems();
        governance.MapGet("/assemblies/{id:guid}/convocation.pdf", async (Guid id, GetAssembly handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.DocumentAsync(AssemblyId.From(id), minutes: false, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("GetConvocationPdf").WithSummary("La convocation en PDF").Produces(200, contentType: "application/pdf").ProducesProblems();
        governance.MapGet("/assemblies/{id:guid}/minutes.pdf", async (Guid id, GetAssembly handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.DocumentAsync(AssemblyId.From(id), minutes: true, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("GetMinutesPdf").WithSummary("Le procès-verbal en PDF, une fois le vote clos").Produces(200, contentType: "application/pdf").ProducesProblems();
    }
}
