using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record RecordLeasePurchaseInput(string? InvoiceNumber, string? InvoiceDate, string? AmountExclVat, string? Vat);

/// <summary>
/// Finance records the supplier's invoice of an approved lease, in one transaction: the purchase posted (the asset on its
/// kind's account, the VAT deducted, the supplier owed — <see cref="LeasePostings.PurchaseAsync"/>), the deposit taken from
/// the activity's budget if the terms have one, and the schedule written: the amount excl. VAT less the deposit repaid over
/// the approved months (<see cref="LeaseSchedule"/>). The cooperative owns the equipment until the end of the lease.
/// </summary>
public sealed class RecordLeasePurchase(PartageDbContext db, ILedgerApi ledger, LeasePostings postings, LeaseViews views, INotificationsApi notifications, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, RecordLeasePurchaseInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = clock.Today();
        var v = new Validation();
        var number = v.Required(nameof(input.InvoiceNumber), "Le numéro de la facture du fournisseur", input.InvoiceNumber, 60);
        var date = v.Date(nameof(input.InvoiceDate), "La date de la facture", input.InvoiceDate, required: true);
        if (date is { } d && d > today)
        {
            v.Add(nameof(input.InvoiceDate), "La date de la facture ne peut pas être dans le futur.");
        }

        var excl = v.Amount(nameof(input.AmountExclVat), "Le montant hors taxes", input.AmountExclVat, required: true);
        var vat = string.IsNullOrWhiteSpace(input.Vat) || input.Vat.Trim() == "0" ? Money.ZeroEur : v.Amount(nameof(input.Vat), "La TVA", input.Vat, required: false);
        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lease = await LeaseDecisions.FinanceAsync(db, id, actor, ct);
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Approved);
        var terms = lease.Terms!;
        if (excl!.Value.Cents <= terms.DepositCents)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.AmountExclVat)] = [$"Le montant hors taxes dépasse l'apport de {Money.Eur(terms.DepositCents).ToDisplayString()}."] });
        }

        var kind = LeasingTerms.Kind(lease.Kind, date!.Value) ?? throw new DomainException(LeasingErrors.WrongStatus, "Ce type de matériel n'est pas en vigueur à la date de la facture.");
        if (terms.DepositCents > 0)
        {
            var budget = await ledger.BudgetToSpendAsync(lease.ActivityId, ct);
            if (budget.Available.Cents < terms.DepositCents)
            {
                throw new DomainException(LeasingErrors.NotEnoughBudget, $"L'activité dispose de {budget.Available.ToDisplayString()} : l'apport de {Money.Eur(terms.DepositCents).ToDisplayString()} n'est pas couvert.");
            }

            await postings.FromBudgetAsync(lease, Money.Eur(terms.DepositCents), today, $"{lease.Number} : apport", $"lease:{lease.Id}:deposit", actor, ct);
        }

        var entry = await postings.PurchaseAsync(lease, kind, number, date.Value, excl.Value, vat!.Value, $"lease:{lease.Id}:purchase", actor, ct);
        lease.Purchase = new LeasePurchase
        {
            InvoiceNumber = number, InvoiceDate = date.Value, AmountExclVatCents = excl.Value.Cents, VatCents = vat.Value.Cents,
            AssetAccount = kind.Account, UsefulLifeYears = kind.UsefulLifeYears, EntryId = entry.Id,
        };
        lease.Status = LeaseStatus.Active;
        foreach (var row in LeaseSchedule.Compute(lease.FinancedCents, terms.Months, terms.AnnualRatePercent, terms.MonthlyFeeCents, terms.Dates))
        {
            db.Add(new LeaseInstalment
            {
                LeaseId = lease.Id, Number = row.Number, DueOn = row.DueOn, AmountCents = row.InstalmentCents, InterestCents = row.InterestCents,
                CapitalCents = row.CapitalCents, RemainingCents = row.RemainingCents, Status = InstalmentStatus.Due,
            });
        }

        await notifications.NotifyMemberAsync(lease.MemberId, NoticeKind.LeaseChanged,
            $"Le matériel {lease.Number} est acheté : première échéance le {terms.FirstDueOn:dd/MM/yyyy}", $"/materiel/{lease.Id}", actor, ct);
        audit.Record(actor, "leasing.purchased", "lease", lease.Id.ToString(), new { Status = LeaseStatus.Approved },
            new { Status = LeaseStatus.Active, number, ExclVatCents = excl.Value.Cents, VatCents = vat.Value.Cents, EntryId = entry.Id.ToString(), lease.FinancedCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/purchase", async (Guid id, RecordLeasePurchaseInput input, RecordLeasePurchase handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("RecordLeasePurchase").WithSummary("Enregistrer la facture du fournisseur : achat comptabilisé, immobilisation, échéancier (finance)").ProducesProblems();
}
