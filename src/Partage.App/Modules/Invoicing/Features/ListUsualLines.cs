using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A line the member writes again and again, as the invoice form takes it (quantity one), with how often it was used.</summary>
public sealed record UsualLine(string Description, string Unit, decimal UnitPrice, string VatCode, int Uses)
{
    public InvoiceLineInput ToInput() => new(Description, "1", Unit, UnitPrice.ToString("0.############", Kernel.French.Culture), VatCode);

    /// <summary>"Cours de guitare — 40,00 € HT l'heure".</summary>
    public string Label => $"{Description} — {UnitPrice.ToString("#,##0.00", Kernel.French.Culture)} € HT {(Unit == "C62" ? "l'unité" : Unit == "HUR" ? "l'heure" : "le jour")}";
}

/// <summary>
/// The member's catalogue of usual lines, kept by itself: the lines of their recent invoices and quotes' drafts, the most used
/// first (same designation, unit, price and VAT). Nothing to maintain: a new price becomes usual by being used.
/// </summary>
public sealed class ListUsualLines(PartageDbContext db)
{
    public const int Size = 15;

    /// <summary>How far back the catalogue reads: the member's last lines, enough for a year of work for most.</summary>
    private const int Window = 500;

    public async Task<IReadOnlyList<UsualLine>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.MemberId is not { } member)
        {
            return [];   // staff write for many members: the catalogue is a member's own
        }

        var recent = await (from l in db.Set<InvoiceLine>().AsNoTracking()
                            join i in db.Set<Invoice>() on l.InvoiceId equals i.Id
                            where i.MemberId == member && i.Kind == InvoiceKind.Invoice
                            orderby i.CreatedAt descending
                            select new { l.Description, l.Unit, l.UnitPrice, l.VatCode, i.CreatedAt }).Take(Window).ToListAsync(ct);
        return recent.GroupBy(l => (Description: l.Description.Trim(), l.Unit, l.UnitPrice, l.VatCode))
            .Select(g => (Line: new UsualLine(g.Key.Description, g.Key.Unit, g.Key.UnitPrice, g.Key.VatCode, g.Count()), Last: g.Max(l => l.CreatedAt)))
            .OrderByDescending(x => x.Line.Uses).ThenByDescending(x => x.Last).Take(Size).Select(x => x.Line).ToList();
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/usual-lines", async (ListUsualLines handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithName("ListUsualLines").WithSummary("Mes lignes habituelles : celles de mes factures, les plus employées d'abord (membre)").ProducesProblems();
    }
}
