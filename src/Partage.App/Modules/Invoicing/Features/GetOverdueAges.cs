using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>Overdue invoices of one age band: how many, and how much is still due on them (TTC).</summary>
public sealed record OverdueBand(string Label, int FromDays, int? ToDays, int Count, Money Remaining);

/// <summary>
/// The invoices past their due date and not settled, the reader may see, by age: 1–30, 31–60, 61–90 and more than
/// 90 days (the bands of an aged balance). Finance's first question in the morning; a member's own, on their home.
/// </summary>
public sealed class GetOverdueAges(PartageDbContext db, TimeProvider clock)
{
    private static readonly (string Label, int From, int? To)[] Bands =
        [("1 à 30 jours", 1, 30), ("31 à 60 jours", 31, 60), ("61 à 90 jours", 61, 90), ("plus de 90 jours", 91, null)];

    public async Task<IReadOnlyList<OverdueBand>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        var today = clock.Today();
        var overdue = await db.Set<Invoice>().AsNoTracking().Visible(actor)
            .Where(i => i.Kind == InvoiceKind.Invoice && InvoiceStatuses.AwaitingPayment.Contains(i.Status) && i.DueDate < today)
            .Include(i => i.Payments)
            .ToListAsync(ct);
        var aged = overdue.Select(i => (Days: today.DayNumber - i.DueDate!.Value.DayNumber, i.Remaining)).ToList();
        return Bands.Select(b =>
        {
            var inBand = aged.Where(a => a.Days >= b.From && (b.To is null || a.Days <= b.To)).ToList();
            return new OverdueBand(b.Label, b.From, b.To, inBand.Count, inBand.Select(a => a.Remaining).Sum(Currency.Eur));
        }).ToList();
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/overdue-ages", async (GetOverdueAges handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithName("GetOverdueAges").WithSummary("Factures en retard par ancienneté (nombre, reste dû)").ProducesProblems();
    }
}
