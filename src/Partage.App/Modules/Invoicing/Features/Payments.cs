using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record PaymentInput(string? Amount, string? Date, string? Reference);

/// <summary>
/// A client's payment recorded by finance staff: posted to the bank (512) against the client's
/// account, split between the activity's share (excl. VAT) and the VAT in the invoice's
/// proportions; when the invoice is settled, its postings on the client's account are lettered.
/// </summary>
public sealed class Payments(PartageDbContext db, ILedgerApi ledger, IClientsApi clients, IAuditLog audit, GetInvoice views, GuaranteeFund fund, TimeProvider clock)
{
    private readonly Dictionary<(LegalEntityId, ClientId), (ClientView Client, AccountId Account)> clientAccounts = [];
    private readonly Dictionary<(LegalEntityId, string), AccountId> accounts = [];

    public async Task<InvoiceView> RecordAsync(InvoiceId id, PaymentInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var today = clock.Today();
        var v = new Validation();
        var amount = v.Amount(nameof(input.Amount), "Le montant", input.Amount, required: true);
        var date = v.Date(nameof(input.Date), "La date du paiement", input.Date, required: false) ?? today;
        if (date > today)
        {
            v.Add(nameof(input.Date), "La date du paiement ne peut pas être dans le futur.");
        }

        var reference = v.Optional(nameof(input.Reference), "La référence", input.Reference, 140) ?? "Virement";
        v.ThrowIfInvalid();
        if (invoice.Kind != InvoiceKind.Invoice || !InvoiceStatuses.Payable.Contains(invoice.Status))
        {
            throw new DomainException(InvoicingErrors.NotIssued);
        }

        if (amount!.Value > invoice.Remaining)
        {
            throw new DomainException(InvoicingErrors.PaymentTooLarge, $"Le paiement ({amount.Value.ToDisplayString()}) dépasse le reste à payer ({invoice.Remaining.ToDisplayString()}).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SettleAsync(invoice, amount.Value, date, reference, ChartOfAccounts.Bank, actor, ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

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
        var lines = new List<PostingLine> { new(from, Side.Debit, amount) };
        if (covered)
        {
            // The fund took the receivable over (416): the payment settles it, not the activity's account.
            lines.Add(new PostingLine(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.DoubtfulClients, ct), Side.Credit, amount, null, $"Règlement {invoice.Number}"));
        }
        else
        {
            lines.Add(new PostingLine(clientAccount, Side.Credit, shares[0], invoice.ActivityId, "Règlement HT"));
            if (!shares[1].IsZero)
            {
                lines.Add(new PostingLine(clientAccount, Side.Credit, shares[1], null, "Règlement TVA"));
            }
        }

        var paymentId = Guid.CreateVersion7();
        var entry = await ledger.PostAsync(new PostEntryRequest(
            invoice.LegalEntityId, "BQ", date, $"Règlement {invoice.Number} — {client.Name}", "payment", paymentId.ToString(), $"payment:{paymentId}", lines, invoice.Number), actor, ct);
        var payment = new InvoicePayment
        {
            Id = paymentId, InvoiceId = invoice.Id, Date = date, AmountCents = amount.Cents, Reference = Truncate(reference, 140), EntryId = entry.Id,
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = actor.Name,
        };
        db.Add(payment);   // tracked as new (a key set in advance would read as an existing row); EF adds it to invoice.Payments
        invoice.Touch();   // two payments of one invoice must not both pass the check of what remains to pay
        invoice.PaymentRecorded();
        if (covered)
        {
            await fund.RecoveredAsync(invoice, ct);
        }

        audit.Record(actor, "invoicing.payment_recorded", "invoice", invoice.Id.ToString(), null, new { AmountCents = amount.Cents, Date = date, reference, fromAccount });
        await db.SaveChangesAsync(ct);
        if (invoice.Status == InvoiceStatus.Paid && !covered)
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

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/payments", async (Guid id, Features.PaymentInput input, Features.Payments payments, ActorAccessor actors, CancellationToken ct) =>
                await payments.RecordAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("RecordInvoicePayment").WithSummary("Enregistrer un paiement (finance)").ProducesProblems();
    }
}
