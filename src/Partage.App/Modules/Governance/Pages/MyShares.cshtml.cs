using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Governance.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>A member's shares: each cooperative's record, the movements and their certificates, the assemblies they are convened to, and the application.</summary>
public sealed class MySharesModel(GetShareholder holders, GetAssembly assemblies, ApplyForShares apply, IActivitiesApi activities) : PartagePageModel
{
    public IReadOnlyList<ShareholderView> Records { get; private set; } = [];

    public PagedResult<AssemblyRow>? Assemblies { get; private set; }

    /// <summary>The member runs an activity and is not a shareholder yet: the statutes ask them to subscribe.</summary>
    public bool Invited { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public bool PaysByTransfer { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            await apply.HandleAsync(new ApplyForSharesInput(PaysByDeduction: !PaysByTransfer), Actor, ct);
            return Redirect($"/mes-parts?fait={Uri.EscapeDataString("Candidature envoyée : le conseil d'administration la décide, vous en serez informé(e).")}");
        }, string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    public async Task<IActionResult> OnGetCertificateAsync(Guid movement, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, content) = await holders.CertificateAsync(movement, Actor, ct);
            return File(content, "application/pdf", name);
        });

    private async Task ShowAsync(CancellationToken ct)
    {
        if (Actor.MemberId is null)
        {
            throw new Kernel.DomainException(GovernanceErrors.NotFound);
        }

        Records = await holders.MineAsync(Actor, ct);
        Assemblies = await assemblies.ListAsync(new PageRequest(1, 20), Actor, ct);
        Invited = Records.All(r => r.Status == ShareholderStatus.Refused) && (await activities.ListForMemberAsync(Actor.MemberId.Value, Actor, ct)).Count > 0;
    }
}
