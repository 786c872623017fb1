using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Infrastructure;
using Partage.App.Modules.Members.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Members.Pages;

/// <summary>
/// The office's queue of membership applications: the manager sees their office's, an administrator or the cooperative's
/// staff every office's; approving or refusing is the manager's or an administrator's (<see cref="DecideApplication"/>).
/// </summary>
public sealed class ApplicationsModel(SearchMembers search, DecideApplication decide) : PartagePageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<MemberListItem>? Result { get; private set; }

    public string? Notice { get; private set; }

    public static string PageUrl(int page) => $"/membres/adhesions?page={page}";

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (!Actor.IsCooperativeStaff && !Actor.IsInRole(Security.Roles.Manager))
        {
            return NotFound();
        }

        Notice = Request.Query["fait"].ToString() switch
        {
            "accepte" => "La demande est acceptée : le membre est prévenu par e-mail et peut se connecter.",
            "refuse" => "La demande est refusée : le motif est envoyé au demandeur.",
            _ => null,
        };
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            await decide.HandleAsync(new MemberId(id), approve, new ApplicationDecision(Reason), Actor, ct);
            return Redirect($"/membres/adhesions?fait={(approve ? "accepte" : "refuse")}");
        }, prefix: string.Empty);
        if (result is PageResult)
        {
            await LoadAsync(ct);
        }

        return result;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await search.HandleAsync(new MemberSearch { Status = nameof(MemberStatus.Pending), Page = PageNumber, PageSize = 50 }, Actor, ct);
}
