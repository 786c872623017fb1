using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>The expense notes the actor may see, newest first, by status; one note; its receipt, checked against its hash as it is read back.</summary>
public sealed class SearchExpenseNotes(PartageDbContext db, IActivitiesApi activities, IAttachmentStore store)
{
    public async Task<PagedResult<ExpenseNoteView>> HandleAsync(ExpenseNoteStatus? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<ExpenseNote>().AsNoTracking().Visible(actor);
        if (status is { } wanted)
        {
            query = query.Where(n => n.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ExpenseNoteView>(await ExpenseNoteView.ManyAsync(rows, activities, ct), page.Page, page.Size, total);
    }

    public async Task<ExpenseNoteView> OneAsync(ExpenseNoteId id, Actor actor, CancellationToken ct = default)
    {
        var note = await db.Set<ExpenseNote>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new DomainException(PurchasesErrors.NoteNotFound);
        return (await ExpenseNoteView.ManyAsync([note], activities, ct))[0];
    }

    public async Task<(string FileName, string ContentType, byte[] Content)> ReceiptAsync(ExpenseNoteId id, Actor actor, CancellationToken ct = default)
    {
        var note = await db.Set<ExpenseNote>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (note?.ReceiptHash is null)
        {
            throw new DomainException(PurchasesErrors.NoteNotFound);
        }

        var content = await store.GetAsync(note.ReceiptHash, ct);
        if (content is null || Attachments.Hash(content) != note.ReceiptHash)
        {
            throw new InvalidOperationException($"The receipt {note.ReceiptHash} of expense note {note.Id} is missing or altered in the attachment store.");
        }

        return (note.ReceiptName!, note.ReceiptType!, content);
    }

    public static void Map(RouteGroupBuilder purchases)
    {
        purchases.MapGet("/expense-notes", async (string? status, int? page, int? pageSize, SearchExpenseNotes handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Validation();
                var wanted = v.Enum<ExpenseNoteStatus>("status", "Le statut", status, required: false);
                v.ThrowIfInvalid();
                return TypedResults.Ok(await handler.HandleAsync(wanted, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct));
            })
            .WithName("SearchExpenseNotes").WithSummary("Notes de frais visibles (les siennes, celles du bureau, toutes pour la finance)").ProducesProblems();
        purchases.MapGet("/expense-notes/{id:guid}", async Task<Ok<ExpenseNoteView>> (Guid id, SearchExpenseNotes handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.OneAsync(ExpenseNoteId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("GetExpenseNote").WithSummary("Une note de frais").ProducesProblems();
        purchases.MapGet("/expense-notes/{id:guid}/receipt", async Task<FileContentHttpResult> (Guid id, SearchExpenseNotes handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, type, content) = await handler.ReceiptAsync(ExpenseNoteId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("GetExpenseNoteReceipt").WithSummary("Le justificatif d'une note de frais").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
