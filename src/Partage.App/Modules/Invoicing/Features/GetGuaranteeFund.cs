using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The fund's balance and exposure per legal entity, its exposure per client and per office, and the covers' history.</summary>
public sealed class GetGuaranteeFund(PartageDbContext db, ILedgerApi ledger, IClientsApi clients, ILegalEntitiesApi entities, Offices.IOfficesApi offices)
{
    public async Task<FundSummary> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        GuaranteeCovers.Require(actor);
        var codes = await entities.CodesAsync(ct);
        var covers = await (
                from c in db.Set<GuaranteeCover>()
                join i in db.Set<Invoice>() on c.InvoiceId equals i.Id
                orderby c.CoveredOn descending
                select new { c, i.Number, i.LegalEntityId, i.ClientId, i.OfficeId, Remaining = i.GrossCents - i.Payments.Sum(p => p.AmountCents) })
            .AsNoTracking().Take(1_000).ToListAsync(ct);
        var names = await clients.NamesAsync(covers.Select(c => c.ClientId).ToList(), ct);

        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var open = covers.Where(c => c.c.Status == CoverStatus.Covered).ToList();
        var perEntity = new List<(string, Money, Money)>();
        foreach (var (id, code) in codes)
        {
            perEntity.Add((code, -await ledger.BalanceAsync(id, ChartOfAccounts.GuaranteeFund, ct), Money.Eur(open.Where(c => c.LegalEntityId == id).Sum(c => c.Remaining))));
        }

        return new FundSummary(
            perEntity,
            open.GroupBy(c => names.GetValueOrDefault(c.ClientId, "?")).Select(g => (g.Key, Money.Eur(g.Sum(c => c.Remaining)))).OrderByDescending(x => x.Item2.Cents).ToList(),
            open.GroupBy(c => officeNames.GetValueOrDefault(c.OfficeId, "?")).Select(g => (g.Key, Money.Eur(g.Sum(c => c.Remaining)))).OrderByDescending(x => x.Item2.Cents).ToList(),
            covers.Select(c => new CoverView(c.c.InvoiceId, c.Number!, codes[c.LegalEntityId], names.GetValueOrDefault(c.ClientId, "?"), officeNames.GetValueOrDefault(c.OfficeId, "?"), c.c.CoveredOn,
                Money.Eur(c.c.AmountCents), c.c.Status, c.c.ClosedOn)).ToList());
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/guarantee-fund", async (GetGuaranteeFund handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var s = await handler.HandleAsync(await actors.GetAsync(ct), ct);
                return new
                {
                    Entities = s.Entities.Select(e => new { e.Entity, e.Balance, e.Exposure }),
                    ByClient = s.ByClient.Select(c => new { c.Client, c.Exposure }),
                    ByOffice = s.ByOffice.Select(o => new { o.Office, o.Exposure }),
                    s.History,
                };
            })
            .WithTags("Factures").WithName("GuaranteeFund").WithSummary("Fonds de garantie : solde, exposition par client et bureau, historique (finance)").ProducesProblems();
    }
}
