using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

public sealed record RefuseExpenseNoteInput(string? Reason);

/// <summary>A manager (or finance) refuses an expense note with a reason the member reads: nothing is posted or paid.</summary>
public sealed class RefuseExpenseNote(PartageDbContext db, INotificationsApi notifications, IAuditLog audit, SearchExpenseNotes views, TimeProvider clock)
{
    public async Task<ExpenseNoteView> HandleAsync(ExpenseNoteId id, RefuseExpenseNoteInput input, Actor actor, CancellationToken ct = default)
    {
        var reason = input?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 300)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Reason"] = ["Dites au membre pourquoi la note est refusée (300 caractères au plus)."] });
        }

        var note = await db.Set<ExpenseNote>().Visible(actor).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (note is null || !ExpenseNoteAccess.CanDecide(actor, note.OfficeId, note.MemberId))
        {
            throw new DomainException(PurchasesErrors.NoteNotFound);
        }

        note.Refuse(reason, actor.Name, clock.GetUtcNow().UtcDateTime);
        await notifications.NotifyMemberAsync(note.MemberId, NoticeKind.ExpenseNoteDecided, $"Note de frais refusée ({note.Amount.ToDisplayString()}) : {reason}", $"/frais/{note.Id}", actor, ct);
        audit.Record(actor, "purchases.expense_refused", "expense_note", note.Id.ToString(), new { Status = ExpenseNoteStatus.Submitted }, new { Reason = reason });
        await db.SaveChangesAsync(ct);   // the row's version: of two decisions at the same moment, the second fails whole
        return await views.OneAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/expense-notes/{id:guid}/refuse", async (Guid id, RefuseExpenseNoteInput input, RefuseExpenseNote handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ExpenseNoteId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("RefuseExpenseNote").WithSummary("Refuser une note de frais avec un motif (gestionnaire, finance)").ProducesProblems();
}
