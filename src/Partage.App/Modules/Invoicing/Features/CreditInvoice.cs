using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>Cancels an issued, unpaid invoice by a credit note of the same amounts, numbered in the same series and lettered against it.</summary>
public sealed class CreditInvoice(PartageDbContext db, InvoiceIssuer issuer, ILedgerApi ledger, IAuditLog audit, GetInvoice views, TimeProvider clock)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, string? reason, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await issuer.LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanValidate(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var v = new Infrastructure.Validation();
        var why = v.Required("Reason", "Le motif de l'avoir", reason, 200);
        v.ThrowIfInvalid();
        if (invoice.Kind != InvoiceKind.Invoice || invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Sent))
        {
            throw new DomainException(invoice.Payments.Count > 0 ? InvoicingErrors.CreditAfterPayment : InvoicingErrors.NotIssued);
        }

        var before = invoice.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = clock.Today();
        var note = new Invoice
        {
            Id = TypedId.New<InvoiceId>(), Kind = InvoiceKind.CreditNote, LegalEntityId = invoice.LegalEntityId,
            ActivityId = invoice.ActivityId, ModuleCode = invoice.ModuleCode, MemberId = invoice.MemberId, OfficeId = invoice.OfficeId, ClientId = invoice.ClientId,
            ServiceFrom = invoice.ServiceFrom, ServiceTo = invoice.ServiceTo, BuyerReference = invoice.BuyerReference, PurchaseOrder = why,
            PaymentTermsDays = 0, CreditedInvoiceId = invoice.Id, NetCents = invoice.NetCents, VatCents = invoice.VatCents, GrossCents = invoice.GrossCents,
            PartiesJson = invoice.PartiesJson, IssueDate = today, DueDate = today, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
            IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
            Lines = invoice.Lines.Select(l => new InvoiceLine
            {
                Id = Guid.CreateVersion7(), Position = l.Position, Description = l.Description, Quantity = l.Quantity, Unit = l.Unit, UnitPrice = l.UnitPrice,
                VatCode = l.VatCode, NetCents = l.NetCents,
            }.Freeze(l.Vat)).ToList(),
        };
        note.Number = await issuer.NextNumberAsync(note.LegalEntityId, today, ct);
        note.MarkIssued();
        var sale = await ledger.FindEntryAsync(invoice.SaleEntryId!.Value, ct) ?? throw new InvalidOperationException("An issued invoice without its sale entry.");
        var entry = await ledger.PostAsync(new PostEntryRequest(
            note.LegalEntityId, "VT", today, $"Avoir {note.Number} sur facture {invoice.Number}", "credit_note", note.Id.ToString(), $"credit-note:{invoice.Id}",
            sale.Lines.Select(l => new PostingLine(l.AccountId, l.Side == Side.Debit ? Side.Credit : Side.Debit, l.Amount, l.ActivityId, l.Label)).ToList(), note.Number), actor, ct);
        note.SaleEntryId = entry.Id;
        invoice.MarkCredited();
        db.Add(note);
        audit.Record(actor, "invoicing.credited", "invoice", invoice.Id.ToString(), new { Status = before }, new { CreditNote = note.Number, Reason = why });
        await db.SaveChangesAsync(ct);

        // The invoice and its credit note cancel out on the client's account.
        var clientAccount = sale.Lines.First(l => l.AuxiliaryCode is not null).AccountId;
        await ledger.LetterAsync(note.LegalEntityId, sale.Lines.Concat(entry.Lines).Where(l => l.AccountId == clientAccount).Select(l => l.PostingId).ToList(), today, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(note.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, CreditNoteInput input, CreditInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await handler.HandleAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/invoices/{note.Id}", note);
            })
            .WithName("CreditInvoice").WithSummary("Annuler une facture émise par un avoir").ProducesProblems();
    }
}
