using Partage.App.Ui;

namespace Partage.App.Modules.Offices.Pages;

public sealed class ListModel(IOfficesApi offices) : PartagePageModel
{
    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offices = await offices.ListOfficesAsync(ct);
        Managers = await offices.ListManagersAsync(null, ct);
    }
}
