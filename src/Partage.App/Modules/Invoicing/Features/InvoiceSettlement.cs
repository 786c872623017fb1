using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A client's payment on an invoice, however it arrived (recorded by finance, read on a bank
/// statement, matched later from the suspense account): posted to the bank (512) against the
/// client's account, split between the activity's share (excl. VAT) and the VAT in the invoice's
/// proportions; when the invoice is settled, its postings on the client's account are lettered.
/// </summary>
public sealed class InvoiceSettlement(PartageDbContext db, ILedgerApi ledger, IClientsApi clients, INotificationsApi notifications, IAuditLog audit, GuaranteeCovers fund, PlatformQueue platform, TimeProvider clock)
{
    private readonly Dictionary<(LegalEntityId, ClientId), (ClientView Client, AccountId Account)> clientAccounts = [];
    private readonly Dictionary<(LegalEntityId, string), AccountId> accounts = [];

    /// <summary>
    /// Records <paramref name="amount"/> paid on a tracked invoice, inside the caller's transaction:
    /// <paramref name="fromAccount"/> (the bank, or the suspense account an unidentified receipt
    /// waited on) debited, the client's account credited; letters it when settled.
    /// </summary>
    internal async Task SettleAsync(Invoice invoice, Money amount, DateOnly date, string reference, string fromAccount, Actor actor, CancellationToken ct)
    {
        // A statement settles many invoices of few clients: clients and accounts are looked up once per unit of work.
        if (!clientAccounts.TryGetValue((invoice.LegalEntityId, invoice.ClientId), out var known))
        {
            var found = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
            clientAccounts[(invoice.LegalEntityId, invoice.ClientId)] = known = (found, await InvoiceIssuer.ClientAccountAsync(ledger, invoice.LegalEntityId, found, ct));
        }

        var (client, clientAccount) = known;
        if (!accounts.TryGetValue((invoice.LegalEntityId, fromAccount), out var from))
        {
            accounts[(invoice.LegalEntityId, fromAccount)] = from = await ledger.AccountAsync(invoice.LegalEntityId, fromAccount, ct);
        }

        var covered = invoice.Status == InvoiceStatus.Covered;
        var shares = amount.Allocate([invoice.NetCents, invoice.VatCents]);
        var credits = new List<PostingLine>();
        if (covered)
        {
            // The fund took the receivable over (416): the payment settles it, not the activity's account.
            credits.Add(new PostingLine(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.DoubtfulClients, ct), Side.Credit, amount, null, $"Règlement {invoice.Number}"));
        }
        else
        {
            credits.Add(new PostingLine(clientAccount, Side.Credit, shares[0], invoice.ActivityId, "Règlement HT"));
            if (!shares[1].IsZero)
            {
                credits.Add(new PostingLine(clientAccount, Side.Credit, shares[1], null, "Règlement TVA"));
            }
        }

        var paymentId = Guid.CreateVersion7();
        var entry = await ledger.PostReceiptAsync(
            new Receipt(invoice.LegalEntityId, date, invoice.Number!, client.Name, from, amount, null, credits, "payment", paymentId.ToString(), $"payment:{paymentId}"), actor, ct);
        var payment = new InvoicePayment
        {
            Id = paymentId, InvoiceId = invoice.Id, Date = date, AmountCents = amount.Cents, Reference = Text.Cut(reference, 140), EntryId = entry.Id,
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = actor.Name,
        };
        db.Add(payment);   // tracked as new (a key set in advance would read as an existing row); EF adds it to invoice.Payments
        invoice.Touch();   // two payments of one invoice must not both pass the check of what remains to pay
        invoice.PaymentRecorded();
        await platform.QueueCollectedAsync(invoice, payment, ct);
        if (covered)
        {
            await fund.RecoveredAsync(invoice, ct);
        }

        audit.Record(actor, "invoicing.payment_recorded", "invoice", invoice.Id.ToString(), null, new { AmountCents = amount.Cents, Date = date, reference, fromAccount });
        await notifications.NotifyMemberAsync(invoice.MemberId, NoticeKind.PaymentReceived,
            $"{client.Name} a payé {amount.ToDisplayString()} sur la facture {invoice.Number}" + (invoice.Status == InvoiceStatus.Paid ? " (soldée)" : $" (reste {invoice.Remaining.ToDisplayString()})"),
            $"/factures/{invoice.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        if (invoice.Status == InvoiceStatus.Paid && !covered)
        {
            await LetterAsync(invoice, entry, paymentId, clientAccount, date, ct);
        }
    }

    /// <summary>A settled invoice: its sale and all its payments lettered together on the client's account.</summary>
    private async Task LetterAsync(Invoice invoice, EntryView entry, Guid paymentId, AccountId clientAccount, DateOnly date, CancellationToken ct)
    {
        var postings = entry.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId).ToList();
        foreach (var entryId in invoice.Payments.Where(p => p.Id != paymentId).Select(p => p.EntryId).Prepend(invoice.SaleEntryId!.Value))
        {
            var posted = await ledger.FindEntryAsync(entryId, ct) ?? throw new InvalidOperationException("A payment without its entry.");
            postings.AddRange(posted.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId));
        }

        await ledger.LetterAsync(invoice.LegalEntityId, postings, date, ct);
        await db.SaveChangesAsync(ct);
    }
}
