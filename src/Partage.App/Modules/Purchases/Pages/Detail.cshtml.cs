using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases.Pages;

public sealed class DetailModel(
    GetSupplierInvoice views, ApproveSupplierInvoice approve, DisputeSupplierInvoice dispute, AssignSupplierInvoice assign, IActivityDirectory directory) : PartagePageModel
{
    public SupplierInvoiceView? Invoice { get; private set; }

    public bool CanDecide { get; private set; }

    public bool CanAssign { get; private set; }

    public IReadOnlyList<ActivityChoice> Activities { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? DisputeReason { get; set; }

    [BindProperty]
    public Guid? ActivityId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var approved = await approve.HandleAsync(SupplierInvoiceId.From(id), new(Category), Actor, ct);
            return $"Facture approuvée et comptabilisée ({approved.Number}) : elle sera payée le {approved.DueDate:dd/MM/yyyy} avec les virements du jour.";
        }, ct);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await dispute.HandleAsync(SupplierInvoiceId.From(id), new(DisputeReason), Actor, ct); return "Facture contestée : le fournisseur reçoit votre motif."; }, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => $"Facture confiée à l'activité {(await assign.HandleAsync(SupplierInvoiceId.From(id), new(ActivityId), Actor, ct)).ActivityName} : son membre est prévenu.", ct);

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, type, content) = await views.FileAsync(SupplierInvoiceId.From(id), Actor, ct);
            return File(content, type, name);
        });

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/achats/{id}?fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Invoice = await views.HandleAsync(SupplierInvoiceId.From(id), Actor, ct);
        CanDecide = Invoice.Status == SupplierInvoiceStatus.ToApprove && PurchasesAccess.CanDecide(Actor, Invoice.OfficeId, Invoice.MemberId);
        CanAssign = Invoice.Status == SupplierInvoiceStatus.ToApprove && PurchasesAccess.CanAssign(Actor);
        Activities = CanAssign ? await directory.ChoicesAsync(Invoice.LegalEntityId, ct) : [];
    }
}
