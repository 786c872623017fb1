using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Modules.Employers.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>
/// A payroll staff's page about one employer's staff (notified tax rates, birthplaces): the list, a form whose save
/// redirects back with what was recorded, or shows the form again with its messages.
/// </summary>
public abstract class EmployerServicePageModel(GetEmployer getEmployer) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string EmployerName { get; private set; } = string.Empty;

    public string? Notice { get; private set; }

    /// <summary>The page's own path under the employer (taux, salaries).</summary>
    protected abstract string Path { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    /// <summary>Runs the save, which returns the notice to show; its messages go to the form's fields.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task<string>> save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(save);
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/employeurs/{Id}/{Path}?fait={Uri.EscapeDataString(await save())}"), prefix: "Input");
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    protected abstract Task LoadListAsync(CancellationToken ct);

    private async Task ShowAsync(CancellationToken ct)
    {
        await LoadListAsync(ct);
        EmployerName = (await getEmployer.HandleAsync(EmployerId.From(Id), Actor, ct)).Name;
    }
}
