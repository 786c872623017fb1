using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record PaymentInput(string? Amount, string? Date, string? Reference);

/// <summary>A client's payment recorded by finance staff on an issued invoice, up to what remains to pay.</summary>
public sealed class RecordInvoicePayment(PartageDbContext db, InvoiceSettlement settlement, GetInvoice views, TimeProvider clock)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, PaymentInput input, Actor actor, CancellationToken ct = default)
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
        await settlement.SettleAsync(invoice, amount.Value, date, reference, ChartOfAccounts.Bank, actor, ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/payments", async (Guid id, PaymentInput input, RecordInvoicePayment handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("RecordInvoicePayment").WithSummary("Enregistrer un paiement (finance)").ProducesProblems();
    }
}
