using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>The expense category an approval charges the invoice to ("Supplies", "Travel"…).</summary>
public sealed record ApproveSupplierInvoiceInput(string? Category);

/// <summary>
/// Approves a supplier's invoice for its activity, in one transaction: the activity must have the money (its available
/// budget covers the amount excluding VAT — the VAT is deducted, not spent); the invoice takes its number in the
/// entity's purchase series and is posted in the purchases journal (expense of the category for the activity,
/// deductible VAT 44566, the supplier's 401 for what is left to pay and 4091 for a prepayment already made), which the
/// budget counts as spent at once; the status "approuvée" (205) is queued for the supplier; the payment follows on the
/// due date in the day's SEPA batch. Twice, or at the same moment from two tabs, approves once.
/// </summary>
public sealed class ApproveSupplierInvoice(
    PartageDbContext db, ILedgerApi ledger, ILegalEntitiesApi entities, IInvoicingApi invoicing, NumberSeries numbers, IAuditLog audit, GetSupplierInvoice views, TimeProvider clock)
{
    public async Task<SupplierInvoiceView> HandleAsync(SupplierInvoiceId id, ApproveSupplierInvoiceInput input, Actor actor, CancellationToken ct = default)
    {
        var category = ExpenseCategories.Parse(input?.Category)
            ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Category"] = ["Choisissez la nature de la dépense."] });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invoice = await db.Set<SupplierInvoice>().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !PurchasesAccess.CanDecide(actor, invoice))
        {
            throw new DomainException(PurchasesErrors.NotFound);
        }

        if (invoice.Status != SupplierInvoiceStatus.ToApprove)
        {
            throw new DomainException(PurchasesErrors.WrongStatus, $"Cette facture est déjà {SupplierInvoiceLabels.Status(invoice.Status).ToLowerInvariant()}.");
        }

        var activity = invoice.ActivityId ?? throw new DomainException(PurchasesErrors.NoActivity);
        var budget = await ledger.BudgetToSpendAsync(activity, ct);   // held until commit: two approvals cannot both spend the same money
        if (budget.Available < Money.Eur(invoice.NetCents))
        {
            throw new DomainException(PurchasesErrors.BudgetExceeded,
                $"L'activité dispose de {budget.Available.ToDisplayString()} : elle ne peut pas engager {Money.Eur(invoice.NetCents).ToDisplayString()} HT pour cette facture.");
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.LegalEntityId);
        var today = clock.Today();
        var number = $"ACH-{entity.Code}-{today.Year}-{await numbers.NextAsync($"purchases:{entity.Code}:{today.Year}", ct):D6}";
        var supplierAccount = await ledger.AuxiliaryAccountAsync(invoice.LegalEntityId, "401", $"F{invoice.SupplierSiren}", invoice.SupplierName, "supplier", SupplierKey(invoice.SupplierSiren), ct);
        var entry = await ledger.PostAsync(new PostEntryRequest(invoice.LegalEntityId, "AC", today, $"Facture {invoice.SupplierName} {invoice.InvoiceNumber}", "supplier_invoice",
            invoice.Id.ToString(), $"supplier-invoice:{invoice.Id}:approved", await LinesAsync(invoice, category, activity, supplierAccount, ct), number), actor, ct);
        invoice.Approve(number, category, entry.Id, supplierAccount, actor.Name, clock.GetUtcNow().UtcDateTime);
        await invoicing.QueueSupplierStatusAsync(invoice.LegalEntityId, invoice.Reference, 205, null, ct);
        audit.Record(actor, "purchases.invoice_approved", "supplier_invoice", invoice.Id.ToString(), new { Status = SupplierInvoiceStatus.ToApprove },
            new { invoice.Number, Category = category.ToString(), EntryId = entry.Id.ToString(), invoice.PayableCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    private async Task<IReadOnlyList<PostingLine>> LinesAsync(SupplierInvoice invoice, ExpenseCategory category, ActivityId activity, AccountId supplier, CancellationToken ct)
    {
        var label = $"{invoice.SupplierName} {invoice.InvoiceNumber}";
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(invoice.LegalEntityId, ExpenseCategories.Account(category), ct), Side.Debit, Money.Eur(invoice.NetCents), activity, label),
        };
        if (invoice.VatCents != 0)
        {
            lines.Add(new(await ledger.AccountAsync(invoice.LegalEntityId, "44566", ct), invoice.VatCents > 0 ? Side.Debit : Side.Credit, Money.Eur(Math.Abs(invoice.VatCents)), null, label));
        }

        lines.Add(new(supplier, Side.Credit, invoice.Payable, null, label));
        var prepaid = invoice.TotalCents - invoice.PayableCents;
        if (prepaid != 0)
        {
            lines.Add(new(await ledger.AccountAsync(invoice.LegalEntityId, "4091", ct), Side.Credit, Money.Eur(prepaid), null, $"Acompte déduit {label}"));
        }

        return lines;
    }

    /// <summary>One owner id per supplier (its SIREN), so that every entity's auxiliary account of a supplier names the same owner.</summary>
    private static Guid SupplierKey(string siren) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"supplier:{siren}"))[..16]);

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/supplier-invoices/{id:guid}/approve", async (Guid id, ApproveSupplierInvoiceInput input, ApproveSupplierInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(SupplierInvoiceId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("ApproveSupplierInvoice").WithSummary("Approuver une facture de fournisseur : comptabilisée, payée à l'échéance").ProducesProblems();
}
