using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>
/// A manager of the member's office (or finance) approves an expense note, in one transaction: the activity's budget,
/// held, must cover the amount excluding VAT; the note takes its number (NDF-LNA-2026-000001) and is posted in the
/// purchases journal — the expense of its nature for the activity, the deductible VAT, and what the entity owes the
/// member on 421 — then waits for the next SEPA batch. The member who spent never approves their own note.
/// </summary>
public sealed class ApproveExpenseNote(
    PartageDbContext db, ILedgerApi ledger, ILegalEntitiesApi entities, IActivitiesApi activities, INotificationsApi notifications, NumberSeries numbers, IAuditLog audit,
    SearchExpenseNotes views, TimeProvider clock)
{
    public async Task<ExpenseNoteView> HandleAsync(ExpenseNoteId id, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var note = await db.Set<ExpenseNote>().Visible(actor).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (note is null || !ExpenseNoteAccess.CanDecide(actor, note.OfficeId, note.MemberId))
        {
            throw new DomainException(PurchasesErrors.NoteNotFound);
        }

        if (note.Status != ExpenseNoteStatus.Submitted)
        {
            throw new DomainException(PurchasesErrors.WrongStatus, $"Cette note de frais est déjà {ExpenseNoteLabels.Status(note.Status).ToLowerInvariant()}.");
        }

        await RequireAllowanceRoomAsync(note, ct);
        var net = Money.Eur(note.AmountCents - note.VatCents);
        var budget = await ledger.BudgetToSpendAsync(note.ActivityId, ct);   // held until commit: two approvals cannot both spend the same money
        if (budget.Available < net)
        {
            throw new DomainException(PurchasesErrors.BudgetExceeded, $"L'activité dispose de {budget.Available.ToDisplayString()} : elle ne peut pas rembourser {net.ToDisplayString()} HT.");
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == note.LegalEntityId);
        var today = clock.Today();
        var number = $"NDF-{entity.Code}-{today.Year}-{await numbers.NextAsync($"expenses:{entity.Code}:{today.Year}", ct):D6}";
        var label = $"Note de frais {number} : {Text.Cut(note.Description, 80)}";
        var lines = new List<PostingLine> { new(await ledger.AccountAsync(note.LegalEntityId, ExpenseCategories.Account(note.Category), ct), Side.Debit, net, note.ActivityId, label) };
        if (note.VatCents > 0)
        {
            lines.Add(new(await ledger.AccountAsync(note.LegalEntityId, "44566", ct), Side.Debit, Money.Eur(note.VatCents), null, label));
        }

        lines.Add(new(await ledger.AccountAsync(note.LegalEntityId, "421", ct), Side.Credit, note.Amount, null, label));
        var entry = await ledger.PostAsync(new PostEntryRequest(note.LegalEntityId, "AC", today, label, "expense_note", note.Id.ToString(), $"expense-note:{note.Id}:approved", lines, number), actor, ct);
        note.Approve(number, entry.Id, actor.Name, clock.GetUtcNow().UtcDateTime);
        var activity = (await activities.NamesAsync([note.ActivityId], ct)).GetValueOrDefault(note.ActivityId);
        await notifications.NotifyMemberAsync(note.MemberId, NoticeKind.ExpenseNoteDecided, $"Note de frais approuvée ({note.Amount.ToDisplayString()}, {activity}) : remboursée avec les prochains virements", $"/frais/{note.Id}", actor, ct);
        audit.Record(actor, "purchases.expense_approved", "expense_note", note.Id.ToString(), new { Status = ExpenseNoteStatus.Submitted }, new { number, EntryId = entry.Id.ToString(), note.AmountCents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OneAsync(id, actor, ct);
    }

    /// <summary>
    /// Two meals or one night a day, counted again among the member's notes of that day already approved: two notes recorded
    /// at the same instant could both have passed the count when they were recorded.
    /// </summary>
    private async Task RequireAllowanceRoomAsync(ExpenseNote note, CancellationToken ct)
    {
        if (note.Allowance is not { } allowance)
        {
            return;
        }

        var approved = (await db.Set<ExpenseNote>()
                .Where(n => n.MemberId == note.MemberId && n.Date == note.Date && n.Id != note.Id && n.Allowance != null
                    && (n.Status == ExpenseNoteStatus.Approved || n.Status == ExpenseNoteStatus.Paid))
                .Select(n => new { n.Allowance, n.AllowanceCount }).ToListAsync(ct))
            .Where(n => JobAllowances.IsLodging(n.Allowance!.Value) == JobAllowances.IsLodging(allowance)).Sum(n => n.AllowanceCount ?? 0);
        if (approved + (note.AllowanceCount ?? 0) > JobAllowances.PerDay(allowance))
        {
            throw new DomainException(PurchasesErrors.AllowancesExceeded,
                $"Le {note.Date:dd/MM/yyyy} compte déjà {approved} {(JobAllowances.IsLodging(allowance) ? "nuit" : "repas")} approuvé(s) : refusez cette note, les forfaits en permettent {JobAllowances.PerDay(allowance)} par jour.");
        }
    }

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/expense-notes/{id:guid}/approve", async (Guid id, ApproveExpenseNote handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ExpenseNoteId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("ApproveExpenseNote").WithSummary("Approuver une note de frais (gestionnaire, finance) : comptabilisée, remboursée au prochain virement").ProducesProblems();
}
