using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>The suppliers' invoices the actor may see, newest first, by status and by supplier, number or amount typed.</summary>
public sealed class SearchSupplierInvoices(PartageDbContext db, IActivitiesApi activities)
{
    public async Task<PagedResult<SupplierInvoiceView>> HandleAsync(SupplierInvoiceStatus? status, string? search, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<SupplierInvoice>().AsNoTracking().Visible(actor);
        if (status is { } wanted)
        {
            query = query.Where(i => i.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var pattern = $"%{text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(i => EF.Functions.Like(i.SupplierName.ToLower(), pattern, "\\") || EF.Functions.Like(i.InvoiceNumber.ToLower(), pattern, "\\")
                || i.SupplierSiren == text || i.Number == text);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<SupplierInvoiceView>(await SupplierInvoiceView.ManyAsync(rows, activities, ct), page.Page, page.Size, total);
    }

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapGet("/supplier-invoices", async (string? status, string? search, int? page, int? pageSize, SearchSupplierInvoices handler, ActorAccessor actors, CancellationToken ct) =>
            {
                SupplierInvoiceStatus? wanted = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    wanted = Enum.TryParse<SupplierInvoiceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
                        ? parsed
                        : throw new InputValidationException(new Dictionary<string, string[]> { ["status"] = ["Statut inconnu : ToApprove, Approved, Disputed ou Paid."] });
                }

                return TypedResults.Ok(await handler.HandleAsync(wanted, search, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct));
            })
            .WithName("SearchSupplierInvoices").WithSummary("Factures de fournisseurs visibles (à approuver, approuvées, contestées, payées)").ProducesProblems();
}
