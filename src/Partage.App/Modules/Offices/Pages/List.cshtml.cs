using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Offices.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Offices.Pages;

public sealed class ListModel(IOfficesApi offices, CreateOffice createOffice, CreateActivityManager createManager) : PartagePageModel
{
    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    [BindProperty]
    public CreateOfficeInput Office { get; set; } = new(null, null, null, null, null, null);

    [BindProperty]
    public CreateActivityManagerInput Manager { get; set; } = new(null, null, null, null);

    [BindProperty]
    public Guid? ManagerOffice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadListsAsync(ct);

    public async Task<IActionResult> OnPostOfficeAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        return await TryAsync(async () =>
        {
            await createOffice.HandleAsync(Office, Actor, ct);
            return Redirect("/bureaux?cree=1");
        }, nameof(Office));
    }

    public async Task<IActionResult> OnPostManagerAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        return await TryAsync(async () =>
        {
            await createManager.HandleAsync(new OfficeId(ManagerOffice ?? Guid.Empty), Manager with { UserId = null }, Actor, ct);
            return Redirect("/bureaux?cree=1");
        }, nameof(Manager));
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Offices = await offices.ListOfficesAsync(ct);
        Managers = await offices.ListManagersAsync(null, ct);
    }
}
