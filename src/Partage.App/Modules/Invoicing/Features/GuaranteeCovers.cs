using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>What the fund's use cases share: who may act on it (finance) and a cover's close on recovery.</summary>
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

    public static void Require(Actor actor)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }
    }
}
