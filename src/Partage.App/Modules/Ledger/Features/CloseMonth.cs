using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

/// <summary>Closes a month of an entity: nothing posts into it afterwards.</summary>
public sealed class CloseMonth(PartageDbContext db, LedgerEntities codes, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Closes one month of one entity. A month outside every fiscal year cannot be closed.</summary>
    public async Task HandleAsync(string entityCode, string period, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        if (!PayPeriod.TryParse(period, out var month))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Period"] = ["La période s'écrit AAAA-MM."] });
        }

        var entity = await codes.ByCodeAsync(entityCode, ct);
        if (!await db.Set<FiscalYear>().AnyAsync(f => f.LegalEntityId == entity && f.StartsOn <= month.End && f.EndsOn >= month.Start, ct))
        {
            throw new DomainException(LedgerErrors.NoFiscalYear);
        }

        if (await db.Set<ClosedPeriod>().AnyAsync(p => p.LegalEntityId == entity && p.Year == month.Year && p.Month == month.Month, ct))
        {
            throw new DomainException(LedgerErrors.PeriodAlreadyClosed);
        }

        db.Add(new ClosedPeriod { LegalEntityId = entity, Year = month.Year, Month = month.Month, ClosedAt = clock.GetUtcNow().UtcDateTime, ClosedBy = actor.Name });
        audit.Record(actor, "ledger.period_closed", "period", $"{entityCode.Trim().ToUpperInvariant()}:{month}", null, new { Period = month.ToString() });
        await db.SaveChangesAsync(ct);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/periods/{entity}/{period}/close", async (string entity, string period, CloseMonth periods, ActorAccessor actors, CancellationToken ct) =>
            {
                await periods.HandleAsync(entity, period, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("ClosePeriod").WithSummary("Clôturer un mois (finance)").ProducesProblems();
    }
}
