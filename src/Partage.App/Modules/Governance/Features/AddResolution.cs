using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record AddResolutionInput(string? Title, string? Text, string? Kind = "Ordinary", bool Secret = false);

/// <summary>A resolution on the agenda of an assembly in preparation; an ordinary assembly takes no extraordinary resolution (the statutes change only in an extraordinary one).</summary>
public sealed class AddResolution(PartageDbContext db, AssemblyViews views, IAuditLog audit)
{
    public async Task<AssemblyView> HandleAsync(AssemblyId id, AddResolutionInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
        var v = new Validation();
        var title = v.Required(nameof(input.Title), "Le titre de la résolution", input.Title, 200);
        var text = v.Required(nameof(input.Text), "Le texte de la résolution", input.Text, 4000);
        var kind = v.Enum<ResolutionKind>(nameof(input.Kind), "Le type de résolution", input.Kind, required: true);
        v.ThrowIfInvalid();
        var assembly = await db.Set<Assembly>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        if (assembly.Status != AssemblyStatus.Draft)
        {
            throw new DomainException(GovernanceErrors.AssemblyWrongStatus, "L'ordre du jour est arrêté par la convocation : il ne change plus.");
        }

        if (kind == ResolutionKind.Extraordinary && assembly.Kind == AssemblyKind.Ordinary)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.Kind)] = ["Une résolution extraordinaire se vote en assemblée extraordinaire."] });
        }

        var number = await db.Set<Resolution>().Where(r => r.AssemblyId == id).CountAsync(ct) + 1;
        db.Add(new Resolution { AssemblyId = id, Number = number, Title = title, Text = text, Kind = kind!.Value, Secret = input.Secret });
        assembly.Touch();   // two resolutions added at once would take the same number: the second fails (409)
        audit.Record(actor, "governance.resolution_added", "assembly", id.ToString(), null, new { number, title, kind, input.Secret });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies/{id:guid}/resolutions", async (Guid id, AddResolutionInput input, AddResolution handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("AddResolution").WithSummary("Ajouter une résolution à l'ordre du jour (gouvernance)").ProducesProblems();
}
