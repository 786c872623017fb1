using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

public sealed class CreateModel(CreateActivity handler, IMembersApi members, ILegalEntitiesApi entities) : PartagePageModel
{
    [BindProperty]
    public CreateActivityInput Input { get; set; } = new(null, null, null, null);

    /// <summary>The chosen entity and module, "entityId|MODULE", one select for both.</summary>
    [BindProperty]
    public string? Offer { get; set; }

    public Guid MemberId { get; private set; }

    public string MemberName { get; private set; } = string.Empty;

    public IReadOnlyList<LegalEntityView> Entities { get; private set; } = [];

    private IReadOnlyList<BusinessModuleView> modules = [];

    public string ModuleName(string code) => modules.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(Guid memberId, CancellationToken ct) =>
        await PrepareAsync(memberId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid memberId, CancellationToken ct)
    {
        if (!await PrepareAsync(memberId, ct))
        {
            return NotFound();
        }

        var parts = (Offer ?? string.Empty).Split('|', 2);
        var input = Input with { LegalEntityId = parts[0], ModuleCode = parts.Length > 1 ? parts[1] : null };
        return await TryAsync(async () =>
        {
            var activity = await handler.HandleAsync(new MemberId(memberId), input, Actor, ct);
            return Redirect($"/activites/{activity.Id}?cree=1");
        });
    }

    private async Task<bool> PrepareAsync(Guid memberId, CancellationToken ct)
    {
        await LoadActorAsync();
        var member = await members.FindVisibleAsync(new MemberId(memberId), Actor, ct);
        if (member is null || !(Actor.IsAdmin || Actor.IsManagerOf(member.OfficeId)))
        {
            return false;
        }

        MemberId = memberId;
        MemberName = member.FullName;
        Entities = await entities.ListAsync(ct);
        modules = await entities.ListModulesAsync(ct);
        return true;
    }
}
