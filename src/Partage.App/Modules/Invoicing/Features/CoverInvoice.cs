using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// Cover by the guarantee fund: what is left to pay of an invoice unpaid past the fund's delay, with a confirmed
/// order, moves from the client's account (and the activity's section) to doubtful receivables (416), and the
/// client's postings for the invoice are lettered. The activity's available money is whole again.
/// </summary>
public sealed class CoverInvoice(PartageDbContext db, ILedgerApi ledger, IClientsApi clients, IAuditLog audit, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        GuaranteeCovers.Require(actor);
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (invoice.Kind != InvoiceKind.Invoice || !InvoiceStatuses.AwaitingPayment.Contains(invoice.Status))
        {
            throw new DomainException(InvoicingErrors.NotIssued);
        }

        var due = invoice.DueDate!.Value.AddDays(options.Value.GuaranteeFundDelayDays);
        if (Today < due)
        {
            throw new DomainException(InvoicingErrors.CoverTooEarly, $"Le fonds de garantie couvre une facture impayée {options.Value.GuaranteeFundDelayDays} jours après son échéance : pas avant le {due:dd/MM/yyyy}.");
        }

        if (invoice.PurchaseOrder is null)
        {
            throw new DomainException(InvoicingErrors.OrderNotConfirmed);
        }

        var client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var clientAccount = await InvoiceIssuer.ClientAccountAsync(ledger, invoice.LegalEntityId, client, ct);
        var remaining = invoice.Remaining;
        var shares = remaining.Allocate([invoice.NetCents, invoice.VatCents]);
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.DoubtfulClients, ct), Side.Debit, remaining, null, $"{client.Name} — {invoice.Number}"),
            new(clientAccount, Side.Credit, shares[0], invoice.ActivityId, "Reprise par le fonds de garantie (HT)"),
        };
        if (!shares[1].IsZero)
        {
            lines.Add(new PostingLine(clientAccount, Side.Credit, shares[1], null, "Reprise par le fonds de garantie (TVA)"));
        }

        var cover = await ledger.PostAsync(new PostEntryRequest(invoice.LegalEntityId, "OD", Today, $"Couverture par le fonds de garantie — {invoice.Number}", "guarantee_cover",
            invoice.Id.ToString(), $"guarantee:{invoice.Id}:cover", lines, invoice.Number), actor, ct);
        db.Add(new GuaranteeCover
        {
            Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, CoveredOn = Today, AmountCents = remaining.Cents, Status = CoverStatus.Covered, CoverEntryId = cover.Id, CoveredBy = actor.Name,
        });
        invoice.MarkCovered();
        audit.Record(actor, "invoicing.covered", "invoice", invoice.Id.ToString(), null, new { invoice.Number, RemainingCents = remaining.Cents });
        await db.SaveChangesAsync(ct);

        // The client's account is settled by the transfer to 416: its postings for this invoice are lettered.
        var postings = cover.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId).ToList();
        foreach (var entryId in invoice.Payments.Select(p => p.EntryId).Prepend(invoice.SaleEntryId!.Value))
        {
            postings.AddRange((await ledger.FindEntryAsync(entryId, ct))!.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId));
        }

        await ledger.LetterAsync(invoice.LegalEntityId, postings, Today, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/cover", async (Guid id, CoverInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("CoverInvoice").WithSummary("Faire couvrir une facture impayée par le fonds de garantie (finance)").ProducesProblems();
    }
}
