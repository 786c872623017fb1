using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// What employers owe on their invoices and the payments that settle it, recorded by finance
/// (RecordEmployerPayment) or matched from a bank statement by Invoicing (its <see cref="IReceivableSource"/>).
/// </summary>
public sealed class EmployerReceivables(PartageDbContext db, EmployerAccounts accounts, ILedgerApi ledger, IAuditLog audit)
{
    /// <summary>The entity's invoices not yet paid in full, as a bank statement may name them (by RF reference or number).</summary>
    internal async Task<IReadOnlyList<Receivable>> OpenAsync(LegalEntityId entity, CancellationToken ct)
    {
        if ((await accounts.EntityAsync(ct)).Id != entity)
        {
            return [];
        }

        return (await db.Set<EmployerInvoice>().AsNoTracking().Where(i => i.Kind == EmployerInvoiceKind.Invoice && i.Status == EmployerInvoiceStatus.Issued).OrderBy(i => i.Number).ToListAsync(ct))
            .Select(i => new Receivable(i.Id, i.Number, i.PaymentReference, i.Outstanding)).ToList();
    }

    /// <summary>A payment received for an invoice, within the caller's transaction (a statement import, a manual match).</summary>
    internal async Task SettleAsync(Guid id, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct)
    {
        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        await SettleAsync(invoice, amount, on, from, label, actor, ct);
    }

    /// <summary>Posts a payment (the bank or the suspense account debited, the employer's 411 credited); the invoice is paid once its total is covered.</summary>
    internal async Task SettleAsync(EmployerInvoice invoice, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct)
    {
        var paidBefore = invoice.PaidCents;
        invoice.Settle(amount, on);
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == invoice.EmployerId, ct);
        var entity = (await accounts.EntityAsync(ct)).Id;
        await ledger.PostReceiptAsync(new Receipt(entity, on, invoice.Number, employer.Name, await ledger.AccountAsync(entity, from, ct), amount, label,
            [new PostingLine(await accounts.ReceivableAsync(entity, employer, ct), Side.Credit, amount, null, invoice.Number)],
            "employer_invoice_payment", invoice.Id.ToString(), $"employer-invoice:{invoice.Id}:payment:{paidBefore}"), actor, ct);
        audit.Record(actor, "employers.invoice_payment", "employer_invoice", invoice.Id.ToString(), null, new { invoice.Number, AmountCents = amount.Cents, invoice.PaidCents, From = from });
        await db.SaveChangesAsync(ct);
    }
}
