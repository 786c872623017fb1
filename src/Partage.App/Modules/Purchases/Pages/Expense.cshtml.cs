using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases.Pages;

public sealed class ExpenseModel(SearchExpenseNotes views, ApproveExpenseNote approve, RefuseExpenseNote refuse) : PartagePageModel
{
    public ExpenseNoteView? Note { get; private set; }

    public bool CanDecide { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => $"Note de frais approuvée et comptabilisée ({(await approve.HandleAsync(ExpenseNoteId.From(id), Actor, ct)).Number}) : remboursée avec les prochains virements.", ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await refuse.HandleAsync(ExpenseNoteId.From(id), new(Reason), Actor, ct); return "Note de frais refusée : le membre lit votre motif."; }, ct);

    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, type, content) = await views.ReceiptAsync(ExpenseNoteId.From(id), Actor, ct);
            return File(content, type, name);
        });

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/frais/{id}?fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Note = await views.OneAsync(ExpenseNoteId.From(id), Actor, ct);
        CanDecide = Note.Status == ExpenseNoteStatus.Submitted && ExpenseNoteAccess.CanDecide(Actor, Note.OfficeId, Note.MemberId);
    }
}
