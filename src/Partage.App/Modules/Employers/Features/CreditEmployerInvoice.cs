using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record EmployerCreditInput(string? Reason);

/// <summary>
/// Payroll staff cancel an unpaid invoice in full by a credit note of the same figures, in the
/// same series: its entry reversed, its payslips free to be invoiced again, the credit note
/// e-mailed to the employer as Factur-X (type 381, naming the invoice).
/// </summary>
public sealed class CreditEmployerInvoice(
    PartageDbContext db, EmployerAccounts accounts, EmployerInvoiceDocuments documents, GetEmployerInvoice views, IInvoicingApi invoicing, ILedgerApi ledger, Outbox outbox,
    IAuditLog audit, TimeProvider clock)
{
    public async Task<EmployerInvoiceView> HandleAsync(Guid id, EmployerCreditInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var reason = v.Required("Reason", "Le motif de l'avoir", input.Reason, 300);
        v.ThrowIfInvalid();
        invoice.Cancel();
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == invoice.EmployerId, ct);
        var entity = await accounts.EntityAsync(ct);
        var today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await documents.NextNumberAsync(entity.Code, today, ct);
        var credit = new EmployerInvoice
        {
            Id = Guid.CreateVersion7(), Number = number, Kind = EmployerInvoiceKind.CreditNote, CreditedInvoiceId = invoice.Id, CreditReason = reason, EmployerId = invoice.EmployerId,
            Period = invoice.Period, Mandate = invoice.Mandate, IssueDate = today, DueDate = today, GrossPayrollCents = invoice.GrossPayrollCents, NetWagesCents = invoice.NetWagesCents,
            ContributionsCents = invoice.ContributionsCents, AllowancesCents = invoice.AllowancesCents, FeeRatePercent = invoice.FeeRatePercent, FeeCents = invoice.FeeCents,
            FeeSharesJson = invoice.FeeSharesJson, VatCents = invoice.VatCents, TotalCents = invoice.TotalCents, PaymentReference = invoicing.PaymentReference(number),
            BuyerJson = invoice.BuyerJson, Status = EmployerInvoiceStatus.Applied, IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
        };
        var reversal = await ledger.PostCreditNoteAsync(new EntryId(invoice.EntryId),
            new CreditNoteEntry(today, Text.Cut($"Avoir {number} annulant {invoice.Number} : {reason}", 200), "employer_credit_note", credit.Id.ToString(), number, $"employer-credit-note:{invoice.Id}"), actor, ct);
        credit.EntryId = reversal.Id.Value;
        db.Add(credit);
        await db.Set<StaffPayslip>().Where(p => p.InvoiceId == invoice.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.InvoiceId, (Guid?)null), ct);
        outbox.Enqueue(employer.BillingEmail, $"Avoir {number} annulant la facture {invoice.Number} — paie {invoice.Period}",
            $"""
            Bonjour,

            Veuillez trouver ci-joint notre avoir {number} (Factur-X), qui annule en totalité la facture {invoice.Number} du {invoice.IssueDate:dd/MM/yyyy}
            ({Money.Eur(invoice.TotalCents).ToDisplayString()} TTC) : {reason}. Cette facture n'est plus à régler ; la paie {invoice.Period} vous sera facturée à nouveau.

            {entity.Name} — gestion de contrats
            """,
            $"avoir-{number}.pdf", await documents.FacturXAsync(credit, entity.Id, ct));
        audit.Record(actor, "employers.invoice_credited", "employer_invoice", invoice.Id.ToString(), new { Status = EmployerInvoiceStatus.Issued.ToString() },
            new { Status = invoice.Status.ToString(), CreditNote = number, reason, ReversalEntry = reversal.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(credit.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, EmployerCreditInput input, CreditEmployerInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await handler.HandleAsync(id, input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employer-invoices/{note.Id}", note);
            })
            .WithName("CreditEmployerInvoice").WithSummary("Annuler une facture impayée par un avoir du même montant (service paie) : écriture extournée, bulletins à refacturer").ProducesProblems();
    }
}
