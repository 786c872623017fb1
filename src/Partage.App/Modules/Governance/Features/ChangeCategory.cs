using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record ChangeCategoryInput(string? Category, string? From = null);

/// <summary>A shareholder moves to another category (a coordinator hired as permanent staff): the history keeps the old one up to that day, and the college follows.</summary>
public sealed class ChangeCategory(PartageDbContext db, ShareRegister register, ShareholderViews views, IAuditLog audit)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, ChangeCategoryInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var category = ApplyForShares.Category(v, input.Category);
        var from = RegisterDates.NotAhead(v, register, input.From, nameof(input.From));
        v.ThrowIfInvalid();
        var holder = await RegisterDates.AdmittedAsync(db, id, ct);
        var last = await db.Set<ShareholderCategoryChange>().Where(c => c.ShareholderId == id).MaxAsync(c => (DateOnly?)c.From, ct);
        if (last is { } previous && from <= previous)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.From)] = [$"La catégorie a déjà changé le {previous:dd/MM/yyyy} : le changement suivant vient après."] });
        }

        audit.Record(actor, "governance.category_changed", "shareholder", holder.Id.ToString(), new { holder.Category }, new { Category = category, From = from });
        holder.Category = category!.Value;
        db.Add(new ShareholderCategoryChange { ShareholderId = holder.Id, Category = holder.Category, From = from, RecordedBy = actor.Name });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/category", async (Guid id, ChangeCategoryInput input, ChangeCategory handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("ChangeShareholderCategory").WithSummary("Changer la catégorie d'un sociétaire à partir d'une date (gouvernance)").ProducesProblems();
}
