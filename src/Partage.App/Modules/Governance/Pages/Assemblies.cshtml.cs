using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Governance.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>The assemblies (staff: all, with the form to prepare one; a member: those they are convened to).</summary>
public sealed class AssembliesModel(GetAssembly assemblies, CreateAssembly create) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty]
    public CreateAssemblyInput Input { get; set; } = new("SCIC", "Ordinary", null, null, null, null, null);

    public PagedResult<AssemblyRow>? Result { get; private set; }

    public bool IsStaff => GovernanceAccess.IsStaff(Actor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/assemblees/{(await create.HandleAsync(Input, Actor, ct)).Id}?fait={Uri.EscapeDataString("Assemblée préparée : ajoutez ses résolutions, puis convoquez-la.")}"));
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    public string PageUrl(int page) => $"/assemblees?pageNumber={page}";

    private async Task ShowAsync(CancellationToken ct) => Result = await assemblies.ListAsync(new PageRequest(PageNumber, 25), Actor, ct);
}
