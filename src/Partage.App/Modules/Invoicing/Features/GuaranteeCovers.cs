using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>What the fund's use cases share: who may act on it (finance), the entities' codes, and a cover's close on recovery.</summary>
public sealed class GuaranteeCovers(PartageDbContext db, TimeProvider clock)
{
    /// <summary>A payment arrived on a covered invoice (it settled the 416): closes the cover when nothing is left.</summary>
    internal async Task RecoveredAsync(Invoice invoice, CancellationToken ct)
    {
        if (invoice.Remaining.IsZero && await db.Set<GuaranteeCover>().SingleOrDefaultAsync(c => c.InvoiceId == invoice.Id && c.Status == CoverStatus.Covered, ct) is { } cover)
        {
            cover.Status = CoverStatus.Recovered;
            cover.ClosedOn = clock.Today();
        }
    }

    public static async Task<Dictionary<LegalEntityId, string>> EntityCodesAsync(ILegalEntitiesApi entities, CancellationToken ct) =>
        (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);

    public static void Require(Actor actor)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }
    }
}
