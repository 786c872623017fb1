using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The invoices unpaid past the fund's delay, oldest due first, a page at a time, with whether their order is confirmed.</summary>
public sealed class ListCoverableInvoices(PartageDbContext db, IClientsApi clients, ILegalEntitiesApi entities, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<PagedResult<EligibleInvoice>> HandleAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        GuaranteeCovers.Require(actor);
        var limit = Today.AddDays(-options.Value.GuaranteeFundDelayDays);
        var query = db.Set<Invoice>().AsNoTracking().Where(i => i.Kind == InvoiceKind.Invoice && InvoiceStatuses.AwaitingPayment.Contains(i.Status) && i.DueDate <= limit);
        var total = await query.CountAsync(ct);
        var rows = await query.Include(i => i.Payments).OrderBy(i => i.DueDate).ThenBy(i => i.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var codes = await entities.CodesAsync(ct);
        var names = await clients.NamesAsync(rows.Select(i => i.ClientId).ToList(), ct);
        return new PagedResult<EligibleInvoice>(rows.Select(i => new EligibleInvoice(i.Id, i.Number!, codes[i.LegalEntityId], names.GetValueOrDefault(i.ClientId, "?"), i.DueDate!.Value,
            Today.DayNumber - i.DueDate.Value.DayNumber, i.Remaining, i.PurchaseOrder is not null)).ToList(), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/guarantee-fund/coverable", async (int? page, int? pageSize, ListCoverableInvoices handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithTags("Factures").WithName("ListCoverableInvoices").WithSummary("Factures impayées que le fonds de garantie peut couvrir (finance)").ProducesProblems();
    }
}
