using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>Cancels an issued, unpaid invoice by a credit note of the same amounts, numbered in the same series; its entry, the sale's mirror, is lettered against it (ILedgerApi.PostCreditNoteAsync, as for employers' invoices).</summary>
public sealed class CreditInvoice(PartageDbContext db, InvoiceIssuer issuer, ILedgerApi ledger, IAuditLog audit, GetInvoice views, PlatformQueue platform, TimeProvider clock)
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
        var entry = await ledger.PostCreditNoteAsync(invoice.SaleEntryId!.Value,
            new CreditNoteEntry(today, $"Avoir {note.Number} sur facture {invoice.Number}", "credit_note", note.Id.ToString(), note.Number, $"credit-note:{invoice.Id}"), actor, ct);
        note.SaleEntryId = entry.Id;
        invoice.MarkCredited();
        db.Add(note);
        await platform.QueueCreditNoteAsync(note, invoice.Id, ct);
        audit.Record(actor, "invoicing.credited", "invoice", invoice.Id.ToString(), new { Status = before }, new { CreditNote = note.Number, Reason = why });
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
