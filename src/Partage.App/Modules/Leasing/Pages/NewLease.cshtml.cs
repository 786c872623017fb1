using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing.Pages;

/// <summary>A member asks for equipment for one of their open activities, with the supplier's quote.</summary>
public sealed class NewLeaseModel(RequestLease request, IActivitiesApi activities, TimeProvider clock) : PartagePageModel
{
    [BindProperty]
    public RequestLeaseInput Input { get; set; } = new(null, null, null, null, null, null, "24");

    [BindProperty]
    public IFormFile? Quote { get; set; }

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public IReadOnlyList<AssetKind> Kinds { get; private set; } = [];

    public (int Min, int Max) Months { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return Actor.MemberId is null ? NotFound() : await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (Actor.MemberId is null)
        {
            return NotFound();
        }

        var result = await TryAsync(async () =>
        {
            LeaseQuote? quote = null;
            if (Quote is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await Quote.CopyToAsync(buffer, ct);
                quote = new LeaseQuote(Quote.FileName, buffer.ToArray());
            }

            var lease = await request.HandleAsync(Input, quote, Actor, ct);
            return Redirect($"/materiel/{lease.Id}?fait={Uri.EscapeDataString($"Demande {lease.Number} envoyée : votre gestionnaire d'activité l'étudie, vous serez informé(e) de sa décision.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Activities = (await activities.ListForMemberAsync(Actor.MemberId!.Value, Actor, ct)).Where(a => a.Status == ActivityStatus.Active).ToList();
        Kinds = LeasingTerms.KindsOn(today);
        Months = (LeasingTerms.Whole(LeasingTerms.MinMonths, today), LeasingTerms.Whole(LeasingTerms.MaxMonths, today));
        return Page();
    }
}
