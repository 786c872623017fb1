using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record NewAccountInput(string? Entity, string? Number, string? Label);

public sealed record AccountListItem(AccountId Id, string Number, string Label, string? AuxiliaryCode, string? AuxiliaryLabel);

/// <summary>The chart of accounts of an entity, as finance staff read it and add to it (accounts are data, never edited once posted to).</summary>
public sealed class ChartOfAccountsBook(PartageDbContext db, FiscalPeriods periods, IAuditLog audit, TimeProvider clock)
{
    /// <summary>General accounts, and auxiliary accounts whose number, code or label contains <paramref name="search"/>.</summary>
    public async Task<PagedResult<AccountListItem>> ListAsync(string? entityCode, string? search, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var entity = await periods.EntityAsync(entityCode ?? string.Empty, ct);
        var query = db.Set<LedgerAccount>().AsNoTracking().Where(a => a.LegalEntityId == entity);
        var term = search?.Trim();
        query = string.IsNullOrEmpty(term)
            ? query.Where(a => a.AuxiliaryCode == null)
            : query.Where(a => a.Number.StartsWith(term) || a.Label.Contains(term) || (a.AuxiliaryCode != null && a.AuxiliaryCode.Contains(term)) || (a.AuxiliaryLabel != null && a.AuxiliaryLabel.Contains(term)));
        return await query.OrderBy(a => a.Number).ThenBy(a => a.AuxiliaryCode)
            .Select(a => new AccountListItem(a.Id, a.Number, a.Label, a.AuxiliaryCode, a.AuxiliaryLabel)).ToPageAsync(page, ct);
    }

    public async Task<AccountListItem> AddAsync(NewAccountInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LedgerAccess.RequireBooks(actor);
        var v = new Validation();
        var number = v.Required(nameof(input.Number), "Le numéro de compte", input.Number, 20);
        var label = v.Required(nameof(input.Label), "Le libellé", input.Label, 200);
        if (number.Length > 0 && (number.Length < 3 || !number.All(char.IsAsciiDigit) || number[0] is '0' or '9'))
        {
            v.Add(nameof(input.Number), "Un compte du PCG s'écrit avec au moins trois chiffres, de la classe 1 à 8.");
        }

        v.ThrowIfInvalid();
        var entity = await periods.EntityAsync(input.Entity ?? string.Empty, ct);
        if (await db.Set<LedgerAccount>().AnyAsync(a => a.LegalEntityId == entity && a.Number == number && a.AuxiliaryCode == null, ct))
        {
            throw new DomainException(LedgerErrors.DuplicateAccount);
        }

        var account = new LedgerAccount { Id = TypedId.New<AccountId>(), LegalEntityId = entity, Number = number, Label = label, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(account);
        audit.Record(actor, "ledger.account_added", "ledger_account", account.Id.ToString(), null, new { input.Entity, number, label });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException(LedgerErrors.DuplicateAccount);
        }

        return new AccountListItem(account.Id, account.Number, account.Label, null, null);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/accounts", async (string? entity, string? search, int? page, int? size, ChartOfAccountsBook chart, ActorAccessor actors, CancellationToken ct) =>
                await chart.ListAsync(entity, search, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListLedgerAccounts").WithSummary("Plan comptable d'une entité (comptes généraux, ou recherche dans les comptes auxiliaires)").ProducesProblems();
        ledger.MapPost("/accounts", async (NewAccountInput input, ChartOfAccountsBook chart, ActorAccessor actors, CancellationToken ct) =>
            {
                var account = await chart.AddAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/ledger/accounts/{account.Number}/detail?entity={input.Entity}", account);
            })
            .WithName("AddLedgerAccount").WithSummary("Ajouter un compte (finance)").ProducesProblems();
    }
}
