using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record MatchInput(string? InvoiceNumber, string? Amount);

/// <summary>
/// Finance matches (part of) a waiting receipt to a client's or an employer's invoice: the amount moves
/// from the suspense account to the client's; returns what still waits of the receipt, or null.
/// </summary>
public sealed class MatchBankLine(
    PartageDbContext db, InvoiceSettlement settlement, IReceivableSource receivables, ListUnmatchedBankLines waiting, IAuditLog audit, TimeProvider clock)
{
    public async Task<UnmatchedLine?> HandleAsync(Guid lineId, MatchInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var line = await db.Set<BankStatementLine>().SingleOrDefaultAsync(l => l.Id == lineId && l.UnmatchedCents > 0, ct) ?? throw new DomainException(InvoicingErrors.LineNotFound);
        var entity = await db.Set<BankStatement>().Where(s => s.Id == line.StatementId).Select(s => s.LegalEntityId).SingleAsync(ct);
        var v = new Validation();
        var number = v.Required(nameof(input.InvoiceNumber), "Le numéro de facture", input.InvoiceNumber, 35);
        var amount = v.Amount(nameof(input.Amount), "Le montant", input.Amount, required: false);
        v.ThrowIfInvalid();
        var invoice = await db.Set<Invoice>().Include(i => i.Payments)
            .SingleOrDefaultAsync(i => i.LegalEntityId == entity && i.Number == number && i.Kind == InvoiceKind.Invoice, ct);
        var receivable = invoice is not null ? null
            : (await receivables.OpenAsync(entity, ct)).FirstOrDefault(r => string.Equals(r.Number, number, StringComparison.OrdinalIgnoreCase));
        if ((invoice is null || !InvoiceStatuses.Payable.Contains(invoice.Status)) && receivable is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.InvoiceNumber)] = [$"Aucune facture « {number} » à encaisser dans cette entité."] });
        }

        var remaining = receivable?.Remaining ?? invoice!.Remaining;
        var paid = amount ?? (line.Unmatched < remaining ? line.Unmatched : remaining);
        if (paid > line.Unmatched || paid > remaining)
        {
            throw new DomainException(InvoicingErrors.PaymentTooLarge,
                $"Le montant ({paid.ToDisplayString()}) dépasse ce qui reste à affecter ({line.Unmatched.ToDisplayString()}) ou le reste dû de la facture ({remaining.ToDisplayString()}).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = clock.Today();
        var label = $"{line.BankReference} (rapprochement manuel)";
        if (receivable is not null)
        {
            await receivables.SettleAsync(receivable.Id, paid, today, ChartOfAccounts.Suspense, label, actor, ct);
        }
        else
        {
            await settlement.SettleAsync(invoice!, paid, today, label, ChartOfAccounts.Suspense, actor, ct);
        }

        line.UnmatchedCents -= paid.Cents;
        line.Status = line.UnmatchedCents == 0 ? BankLineStatus.Matched : BankLineStatus.PartlyMatched;
        audit.Record(actor, "invoicing.statement_line_matched", "bank_statement_line", line.Id.ToString(), null, new { Number = receivable?.Number ?? invoice!.Number, AmountCents = paid.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await waiting.FindAsync(line.Id, ct);
    }

    public static void Map(RouteGroupBuilder statements)
    {
        statements.MapPost("/lines/{id:guid}/match", async (Guid id, MatchInput input, MatchBankLine handler, ActorAccessor actors, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, input, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("MatchBankLine").WithSummary("Affecter un encaissement à une facture (finance)").ProducesProblems();
    }
}
