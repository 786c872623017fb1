using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record OpenFiscalYearInput(string? Entity, string? StartsOn, string? EndsOn);

/// <summary>Opens a fiscal year of at most 24 months that overlaps no other (finance staff).</summary>
public sealed class OpenFiscalYear(PartageDbContext db, LedgerEntities codes, IAuditLog audit)
{
    public async Task<FiscalYearView> HandleAsync(OpenFiscalYearInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LedgerAccess.RequireBooks(actor);
        var v = new Validation();
        var start = v.Date(nameof(input.StartsOn), "Le début de l'exercice", input.StartsOn, required: true);
        var end = v.Date(nameof(input.EndsOn), "La fin de l'exercice", input.EndsOn, required: true);
        v.Required(nameof(input.Entity), "L'entité", input.Entity, 10);
        if (start is { } s && end is { } e && (e < s || e > s.AddMonths(24).AddDays(-1)))
        {
            v.Add(nameof(input.EndsOn), "Un exercice dure au plus 24 mois et finit après son début.");
        }

        v.ThrowIfInvalid();
        var entity = await codes.ByCodeAsync(input.Entity!, ct);
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

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/fiscal-years", async (OpenFiscalYearInput input, OpenFiscalYear periods, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Created("/api/v1/ledger/fiscal-years", await periods.HandleAsync(input, await actors.GetAsync(ct), ct)))
            .WithName("OpenFiscalYear").WithSummary("Ouvrir un exercice (finance)").ProducesProblems();
    }
}
