using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// A covered invoice given up: the loss (654) and the VAT regularisation (44571, CGI art. 272) are posted, and
/// the fund (4671) bears the loss excl. VAT (791).
/// </summary>
public sealed class WriteOffInvoice(PartageDbContext db, ILedgerApi ledger, IAuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task HandleAsync(InvoiceId id, string? reason, Actor actor, CancellationToken ct = default)
    {
        GuaranteeCovers.Require(actor);
        var v = new Infrastructure.Validation();
        var why = v.Required("Reason", "Le motif", reason, 200);
        v.ThrowIfInvalid();
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var cover = await db.Set<GuaranteeCover>().SingleOrDefaultAsync(c => c.InvoiceId == id && c.Status == CoverStatus.Covered, ct);
        if (invoice.Status != InvoiceStatus.Covered || cover is null)
        {
            throw new DomainException(InvoicingErrors.NotCovered);
        }

        var remaining = invoice.Remaining;
        var shares = remaining.Allocate([invoice.NetCents, invoice.VatCents]);
        var e = invoice.LegalEntityId;
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(e, ChartOfAccounts.BadDebts, ct), Side.Debit, shares[0], null, $"Créance irrécouvrable {invoice.Number}"),
            new(await ledger.AccountAsync(e, ChartOfAccounts.DoubtfulClients, ct), Side.Credit, remaining, null, invoice.Number),
            new(await ledger.AccountAsync(e, ChartOfAccounts.GuaranteeFund, ct), Side.Debit, shares[0], null, "Perte prise en charge par le fonds de garantie"),
            new(await ledger.AccountAsync(e, ChartOfAccounts.ChargeTransfers, ct), Side.Credit, shares[0], null, "Perte prise en charge par le fonds de garantie"),
        };
        if (!shares[1].IsZero)
        {
            lines.Insert(1, new PostingLine(await ledger.AccountAsync(e, ChartOfAccounts.VatCollected, ct), Side.Debit, shares[1], null, "Régularisation de TVA (CGI art. 272)"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await ledger.PostAsync(new PostEntryRequest(e, "OD", Today, $"Passage en perte — {invoice.Number} : {why}", "guarantee_cover", invoice.Id.ToString(),
            $"guarantee:{invoice.Id}:write-off", lines, invoice.Number), actor, ct);
        cover.Status = CoverStatus.WrittenOff;
        cover.WriteOffEntryId = entry.Id;
        cover.ClosedOn = Today;
        invoice.MarkWrittenOff();
        audit.Record(actor, "invoicing.written_off", "invoice", invoice.Id.ToString(), null, new { invoice.Number, RemainingCents = remaining.Cents, Reason = why });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/write-off", async (Guid id, CreditNoteInput input, WriteOffInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("WriteOffInvoice").WithSummary("Passer en perte une facture couverte (finance)").ProducesProblems();
    }
}
