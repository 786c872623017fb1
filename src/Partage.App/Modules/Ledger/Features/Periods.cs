using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record FiscalYearView(Guid Id, string Entity, DateOnly StartsOn, DateOnly EndsOn, bool Closed, IReadOnlyList<string> ClosedMonths);

public sealed record OpenFiscalYearInput(string? Entity, string? StartsOn, string? EndsOn);

/// <summary>Fiscal years and monthly periods: opened and closed by finance staff; nothing posts into a closed month.</summary>
public sealed class FiscalPeriods(PartageDbContext db, ILegalEntitiesApi entities, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<FiscalYearView>> ListAsync(string? entityCode, Actor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var entity = entityCode is null ? (LegalEntityId?)null : await EntityAsync(entityCode, ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var years = await db.Set<FiscalYear>().AsNoTracking().Where(f => entity == null || f.LegalEntityId == entity)
            .OrderBy(f => f.LegalEntityId).ThenByDescending(f => f.StartsOn).ToListAsync(ct);
        var closed = await db.Set<ClosedPeriod>().AsNoTracking().Where(p => entity == null || p.LegalEntityId == entity).ToListAsync(ct);
        return years.Select(f => new FiscalYearView(
            f.Id, codes[f.LegalEntityId], f.StartsOn, f.EndsOn, f.ClosedAt is not null,
            closed.Where(p => p.LegalEntityId == f.LegalEntityId && f.Range.Contains(new DateOnly(p.Year, p.Month, 1)))
                .OrderBy(p => p.Year).ThenBy(p => p.Month).Select(p => new PayPeriod(p.Year, p.Month).ToString()).ToList())).ToList();
    }

    public async Task<FiscalYearView> OpenAsync(OpenFiscalYearInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Authorize(actor);
        var v = new Validation();
        var start = v.Date(nameof(input.StartsOn), "Le début de l'exercice", input.StartsOn, required: true);
        var end = v.Date(nameof(input.EndsOn), "La fin de l'exercice", input.EndsOn, required: true);
        v.Required(nameof(input.Entity), "L'entité", input.Entity, 10);
        if (start is { } s && end is { } e && (e < s || e > s.AddMonths(24).AddDays(-1)))
        {
            v.Add(nameof(input.EndsOn), "Un exercice dure au plus 24 mois et finit après son début.");
        }

        v.ThrowIfInvalid();
        var entity = await EntityAsync(input.Entity!, ct);
        if (await db.Set<FiscalYear>().AnyAsync(f => f.LegalEntityId == entity && f.StartsOn <= end && f.EndsOn >= start, ct))
        {
            throw new DomainException(LedgerErrors.FiscalYearExists);
        }

        var year = new FiscalYear { Id = Guid.CreateVersion7(), LegalEntityId = entity, StartsOn = start!.Value, EndsOn = end!.Value };
        db.Add(year);
        audit.Record(actor, "ledger.fiscal_year_opened", "fiscal_year", year.Id.ToString(), null, new { input.Entity, year.StartsOn, year.EndsOn });
        await db.SaveChangesAsync(ct);
        return new FiscalYearView(year.Id, input.Entity!.Trim().ToUpperInvariant(), year.StartsOn, year.EndsOn, false, []);
    }

    /// <summary>Closes one month of one entity. A month outside every fiscal year cannot be closed.</summary>
    public async Task CloseMonthAsync(string entityCode, string period, Actor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        if (!PayPeriod.TryParse(period, out var month))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Period"] = ["La période s'écrit AAAA-MM."] });
        }

        var entity = await EntityAsync(entityCode, ct);
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

    internal async Task<LegalEntityId> EntityAsync(string code, CancellationToken ct) =>
        (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Entity"] = [$"Entité inconnue : « {code} » (SCIC, LNA ou GE)."] });

    private static void Authorize(Actor actor)
    {
        if (!LedgerAccess.KeepsTheBooks(actor))
        {
            throw new DomainException(LedgerErrors.NotFound);
        }
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/fiscal-years", async (string? entity, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
                await periods.ListAsync(entity, await actors.GetAsync(ct), ct))
            .WithName("ListFiscalYears").WithSummary("Exercices et mois clôturés");
        ledger.MapPost("/fiscal-years", async (OpenFiscalYearInput input, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Created("/api/v1/ledger/fiscal-years", await periods.OpenAsync(input, await actors.GetAsync(ct), ct)))
            .WithName("OpenFiscalYear").WithSummary("Ouvrir un exercice (finance)").ProducesProblems();
        ledger.MapPost("/periods/{entity}/{period}/close", async (string entity, string period, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
            {
                await periods.CloseMonthAsync(entity, period, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("ClosePeriod").WithSummary("Clôturer un mois (finance)").ProducesProblems();
    }
}
