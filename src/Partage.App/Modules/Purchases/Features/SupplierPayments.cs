using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>
/// The approved suppliers' invoices as Payroll's day's SEPA batches pay them (its <see cref="IWageSource"/>): those due
/// by the run's day join the entity's batch (each once), the release debits the supplier's 401 and marks them paid,
/// and the status "paiement transmis" (211) is queued for each supplier.
/// </summary>
public sealed class SupplierPayments(PartageDbContext db, IInvoicingApi invoicing) : IWageSource
{
    public Task<int> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default) => Task.FromResult(0);

    public async Task<IReadOnlyList<DueWage>> DueWagesAsync(DateOnly until, CancellationToken ct = default) =>
        await PaymentsAsync(db.Set<SupplierInvoice>().Where(i => i.Status == SupplierInvoiceStatus.Approved && i.PaymentBatchId == null && i.DueDate <= until), ct);

    public Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> wages, CancellationToken ct = default)
    {
        var ids = wages.Select(SupplierInvoiceId.From).ToList();
        // Only invoices still outside any batch join it: a concurrent run cannot pay one twice.
        return db.Set<SupplierInvoice>().Where(i => ids.Contains(i.Id) && i.PaymentBatchId == null && i.Status == SupplierInvoiceStatus.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.PaymentBatchId, batch), ct);
    }

    public async Task<IReadOnlyList<DueWage>> BatchWagesAsync(Guid batch, CancellationToken ct = default) =>
        await PaymentsAsync(db.Set<SupplierInvoice>().Where(i => i.PaymentBatchId == batch), ct);

    public async Task WagesPaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct = default)
    {
        foreach (var invoice in await db.Set<SupplierInvoice>().Where(i => i.PaymentBatchId == batch && i.Status == SupplierInvoiceStatus.Approved).ToListAsync(ct))
        {
            invoice.MarkPaid(paidOn);
            await invoicing.QueueSupplierStatusAsync(invoice.LegalEntityId, invoice.Reference, 211, null, ct);
        }
    }

    private static async Task<IReadOnlyList<DueWage>> PaymentsAsync(IQueryable<SupplierInvoice> query, CancellationToken ct) =>
        (await query.AsNoTracking().OrderBy(i => i.Number).ToListAsync(ct))
            .Select(i => new DueWage(i.Id.Value, i.LegalEntityId, i.SupplierName, i.SupplierIban, i.Payable, i.Number!, $"Facture {i.InvoiceNumber} du {i.IssueDate:dd/MM/yyyy}", i.SupplierAccountId))
            .ToList();
}
