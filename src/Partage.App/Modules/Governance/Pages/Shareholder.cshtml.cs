using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Governance.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>One shareholder for governance staff: the record, the movements with their certificates, and what may be done in their state.</summary>
public sealed class ShareholderModel(
    GetShareholder views, DecideApplication decide, SubscribeShares subscribe, PayShares pay, TransferShares transfer, ChangeCategory category, LeaveCooperative leave,
    RedeemShares redeem) : PartagePageModel
{
    public ShareholderView? Holder { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public bool PaidInFull { get; set; }

    [BindProperty]
    public string? Shares { get; set; }

    [BindProperty]
    public bool PaysByDeduction { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? ToNumber { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostAdmitAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await decide.HandleAsync(ShareholderId.From(id), new(true, Decision, On, PaidInFull), Actor, ct); return "Admission inscrite : numéro, catégorie et souscription au registre."; }, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await decide.HandleAsync(ShareholderId.From(id), new(false, Decision, On), Actor, ct); return "Candidature refusée."; }, ct);

    public Task<IActionResult> OnPostSubscribeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await subscribe.HandleAsync(ShareholderId.From(id), new(Shares, On, Decision, PaysByDeduction), Actor, ct); return "Souscription inscrite."; }, ct);

    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await pay.HandleAsync(ShareholderId.From(id), new(Amount, On), Actor, ct); return "Libération inscrite et comptabilisée."; }, ct);

    public Task<IActionResult> OnPostTransferAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await transfer.HandleAsync(ShareholderId.From(id), new(ToNumber, Shares, Decision, On), Actor, ct); return "Cession inscrite (deux lignes au registre)."; }, ct);

    public Task<IActionResult> OnPostCategoryAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await category.HandleAsync(ShareholderId.From(id), new(Category, On), Actor, ct); return "Catégorie changée."; }, ct);

    public Task<IActionResult> OnPostLeaveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await leave.HandleAsync(ShareholderId.From(id), new(Reason, Decision, On), Actor, ct); return "Sortie inscrite : les parts attendent leur remboursement."; }, ct);

    public Task<IActionResult> OnPostRedeemAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await redeem.HandleAsync(ShareholderId.From(id), new(Decision, On), Actor, ct); return "Remboursement inscrit : la somme due est au compte 4567."; }, ct);

    public async Task<IActionResult> OnGetCertificateAsync(Guid id, Guid movement, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, content) = await views.CertificateAsync(movement, Actor, ct);
            return File(content, "application/pdf", name);
        });

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/gouvernance/societaires/{id}?fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        GovernanceAccess.RequireStaff(Actor, GovernanceErrors.NotFound);
        Holder = await views.HandleAsync(ShareholderId.From(id), Actor, ct);
    }
}
