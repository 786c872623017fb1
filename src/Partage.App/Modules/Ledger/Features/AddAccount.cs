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

/// <summary>Adds a general account to an entity's chart (accounts are data, never edited once posted to).</summary>
public sealed class AddAccount(PartageDbContext db, LedgerEntities codes, IAuditLog audit, TimeProvider clock)
{
    public async Task<AccountListItem> HandleAsync(NewAccountInput input, Actor actor, CancellationToken ct = default)
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
        var entity = await codes.ByCodeAsync(input.Entity ?? string.Empty, ct);
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
        ledger.MapPost("/accounts", async (NewAccountInput input, AddAccount chart, ActorAccessor actors, CancellationToken ct) =>
            {
                var account = await chart.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/ledger/accounts/{account.Number}/detail?entity={input.Entity}", account);
            })
            .WithName("AddLedgerAccount").WithSummary("Ajouter un compte (finance)").ProducesProblems();
    }
}
