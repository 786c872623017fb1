using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record AccountListItem(AccountId Id, string Number, string Label, string? AuxiliaryCode, string? AuxiliaryLabel);

/// <summary>The chart of accounts of an entity as finance staff read it: general accounts, or a search in the auxiliary ones.</summary>
public sealed class SearchAccounts(PartageDbContext db, LedgerEntities codes)
{
    /// <summary>General accounts, and auxiliary accounts whose number, code or label contains <paramref name="search"/>.</summary>
    public async Task<PagedResult<AccountListItem>> HandleAsync(string? entityCode, string? search, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var entity = await codes.ByCodeAsync(entityCode ?? string.Empty, ct);
        var query = db.Set<LedgerAccount>().AsNoTracking().Where(a => a.LegalEntityId == entity);
        var term = search?.Trim();
        query = string.IsNullOrEmpty(term)
            ? query.Where(a => a.AuxiliaryCode == null)
            : query.Where(a => a.Number.StartsWith(term) || a.Label.Contains(term) || (a.AuxiliaryCode != null && a.AuxiliaryCode.Contains(term)) || (a.AuxiliaryLabel != null && a.AuxiliaryLabel.Contains(term)));
        return await query.OrderBy(a => a.Number).ThenBy(a => a.AuxiliaryCode)
            .Select(a => new AccountListItem(a.Id, a.Number, a.Label, a.AuxiliaryCode, a.AuxiliaryLabel)).ToPageAsync(page, ct);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/accounts", async (string? entity, string? search, int? page, int? pageSize, SearchAccounts chart, ActorAccessor actors, CancellationToken ct) =>
                await chart.HandleAsync(entity, search, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListLedgerAccounts").WithSummary("Plan comptable d'une entité (comptes généraux, ou recherche dans les comptes auxiliaires)").ProducesProblems();
    }
}
