using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Security;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing.Pages;

/// <summary>
/// One lease: what the member asked, the decision, the schedule and where it stands; for reviewers the review and the
/// decision forms; for finance the purchase, and the events (early payoff, pause, end, default, a returned debit);
/// for the member the direct-debit mandate.
/// </summary>
public sealed class LeaseModel(
    GetLease get, ApproveLease approve, RefuseLease refuse, RecordLeasePurchase purchase, SignMandate mandate, PayOffLease payOff, PauseLease pause, EndLease end,
    DeclareLeaseDefault declareDefault, ReturnDirectDebit returnDebit, TimeProvider clock) : PartagePageModel
{
    public LeaseView Lease { get; private set; } = null!;

    public LeaseReview? Review { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public ApproveLeaseInput Approve { get; set; } = new(null, null);

    [BindProperty]
    public RefuseLeaseInput Refuse { get; set; } = new(null);

    [BindProperty]
    public RecordLeasePurchaseInput Purchase { get; set; } = new(null, null, null, null);

    [BindProperty]
    public SignMandateInput Mandate { get; set; } = new(null, null, false);

    [BindProperty]
    public PauseLeaseInput Pause { get; set; } = new(null, null);

    [BindProperty]
    public DeclareLeaseDefaultInput Default { get; set; } = new(null);

    [BindProperty]
    public ReturnDirectDebitInput Return { get; set; } = new(null);

    [BindProperty]
    public int ReturnNumber { get; set; }

    public bool CanReview => LeasingAccess.IsFinance(Actor) || Actor.IsManagerOf(Lease.OfficeId);

    public bool IsFinance => LeasingAccess.IsFinance(Actor);

    public bool IsOwner => Actor.MemberId == Lease.MemberId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Approve), async l => await approve.HandleAsync(l, Approve, Actor, ct), "Demande accordée : finance enregistre l'achat.", ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Refuse), async l => await refuse.HandleAsync(l, Refuse, Actor, ct), "Demande refusée : le membre lit le motif.", ct);

    public Task<IActionResult> OnPostPurchaseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Purchase), async l => await purchase.HandleAsync(l, Purchase, Actor, ct), "Achat enregistré : l'échéancier court.", ct);

    public Task<IActionResult> OnPostMandateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Mandate), async l => await mandate.HandleAsync(l, Mandate, Actor, ct), "Mandat de prélèvement signé.", ct);

    public Task<IActionResult> OnPostPayOffAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, string.Empty, async l => await payOff.HandleAsync(l, Actor, ct), "Remboursement anticipé enregistré.", ct);

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Pause), async l => await pause.HandleAsync(l, Pause, Actor, ct), "Pause enregistrée : les échéances à venir sont décalées.", ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, string.Empty, async l => await end.HandleAsync(l, Actor, ct), "Contrat terminé : le matériel est cédé au membre.", ct);

    public Task<IActionResult> OnPostDefaultAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Default), async l => await declareDefault.HandleAsync(l, Default, Actor, ct), "Défaut prononcé, récupération du matériel enregistrée.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Return), async l => await returnDebit.HandleAsync(l, ReturnNumber, Return, Actor, ct), "Prélèvement rejeté enregistré : l'échéance est en impayé.", ct);

    public async Task<IActionResult> OnGetQuoteAsync(Guid id, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, content) = await get.QuoteAsync(LeaseId.From(id), Actor, ct);
            return File(content, name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream", name);
        });

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<LeaseId, Task> act, string done, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            await act(LeaseId.From(id));
            return Redirect($"/materiel/{id}?fait={Uri.EscapeDataString(done)}");
        }, prefix);
        return result is PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Lease = await get.HandleAsync(LeaseId.From(id), Actor, ct);
        Review = CanReview && Lease.Status is LeaseStatus.Requested or LeaseStatus.Approved ? await get.ReviewAsync(Lease.Id, Actor, ct) : null;
    }
}
