using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Security;
using Partage.App.Ui;

namespace Partage.App.Modules.Leasing.Pages;

/// <summary>
/// Equipment: a member's own leases and the request button; for managers and finance the portfolio (exposure, arrears,
/// the years' figures) and the searchable list; for finance the day's collection and the direct-debit files.
/// </summary>
public sealed class LeasesModel(SearchLeases search, GetLeasePortfolio portfolio, CollectInstalments collect, GetDirectDebitFile files) : PartagePageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "statut")]
    public string? Statut { get; set; }

    [FromQuery(Name = "p")]
    public int? P { get; set; }

    [BindProperty]
    public string? CollectDate { get; set; }

    public PagedResult<LeaseRow>? List { get; private set; }

    public LeasePortfolio? Portfolio { get; private set; }

    public string? Notice { get; private set; }

    public bool IsStaff => LeasingAccess.IsFinance(Actor) || Actor.IsInRole(Roles.Manager);

    public string PageUrl(int page) => $"/materiel?p={page}&q={Uri.EscapeDataString(Q ?? string.Empty)}&statut={Uri.EscapeDataString(Statut ?? string.Empty)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCollectAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var run = await collect.HandleAsync(new CollectInstalmentsInput(CollectDate), Actor, ct);
            return Redirect($"/materiel?fait={Uri.EscapeDataString($"Collecte du {run.Date:dd/MM/yyyy} : {run.Summary}.")}");
        }, string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var file = await files.HandleAsync(id, Actor, ct);
            return File(file.Content, "application/xml", $"{file.MessageId}.xml");
        });

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Actor.MemberId is null && !IsStaff)
        {
            return NotFound();
        }

        var status = EnumFilter<LeaseStatus>(Statut, "Ce statut de contrat n'existe pas : la liste les montre tous.");
        List = await search.HandleAsync(Q, status, null, new PageRequest(P, 25), Actor, ct);
        Portfolio = IsStaff ? await portfolio.HandleAsync(Actor, ct) : null;
        return Page();
    }
}
