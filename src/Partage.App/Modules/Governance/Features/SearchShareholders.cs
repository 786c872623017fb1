using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record ShareholderRow(ShareholderId Id, long? Number, string Name, int Category, string CategoryLabel, ShareholderStatus Status, string StatusLabel, DateOnly AppliedOn, int Shares, Money Paid, Money Unpaid);

/// <summary>The register's people for governance staff: by name or number, status, category; applications first to decide.</summary>
public sealed class SearchShareholders(PartageDbContext db, ShareRegister register)
{
    public async Task<PagedResult<ShareholderRow>> HandleAsync(string entityCode, string? text, ShareholderStatus? status, int? category, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var entity = await register.EntityAsync(entityCode, ct);
        var query = db.Set<Shareholder>().AsNoTracking().Where(s => s.LegalEntityId == entity);
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        if (category is { } c)
        {
            query = query.Where(s => s.Category == c);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var words = text.Trim();
            query = long.TryParse(words, out var number) ? query.Where(s => s.Number == number) : query.Where(s => s.Name.ToLower().Contains(words.ToLower()));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(s => s.Status == ShareholderStatus.Applicant ? 0 : 1).ThenBy(s => s.Number).ThenBy(s => s.Name)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var holdings = await register.HoldingsAsync(entity, DateOnly.MaxValue, rows.Select(r => r.Id).ToList(), ct);
        return new PagedResult<ShareholderRow>(rows.Select(s => (Row: s, Holding: holdings.GetValueOrDefault(s.Id) ?? Holding.None)).Select(x => new ShareholderRow(
            x.Row.Id, x.Row.Number, x.Row.Name, x.Row.Category, Statutes.CategoryLabel(x.Row.Category), x.Row.Status, GovernanceLabels.Of(x.Row.Status), x.Row.AppliedOn,
            x.Holding.Shares, Money.Eur(x.Holding.PaidCents), Money.Eur(x.Holding.UnpaidCents))).ToList(), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapGet("/shareholders", async (string? entity, string? q, string? status, int? category, int? page, int? pageSize, SearchShareholders handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Validation();
                var wanted = v.Enum<ShareholderStatus>("status", "Le statut", status, required: false);
                v.ThrowIfInvalid();
                return TypedResults.Ok(await handler.HandleAsync(entity ?? "SCIC", q, wanted, category, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct));
            })
            .WithName("SearchShareholders").WithSummary("Chercher dans le registre des sociétaires (gouvernance)").ProducesProblems();
}
