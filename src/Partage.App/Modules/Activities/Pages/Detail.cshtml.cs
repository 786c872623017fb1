using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Offices;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

public sealed class DetailModel(GetActivity handler, UpdateActivity update, AssignActivityManager assign, IOfficesApi offices, ILedgerApi ledger) : PartagePageModel
{
    private const int DefaultLines = 50;

    public ActivityBudget? Budget { get; private set; }

    public ActivityStatement? Statement { get; private set; }

    public BalanceChart? Chart { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public bool Limited => string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To) && Statement?.Lines.Count == DefaultLines;

    public string CsvUrl => QueryHelpers.AddQueryString($"/activites/{Activity!.Id}/releve.csv",
        new Dictionary<string, string?> { ["from"] = From ?? string.Empty, ["to"] = To ?? string.Empty });

    public ActivityView? Activity { get; private set; }

    public bool CanManage { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? ManagerId { get; set; }

    /// <summary>The office's managers, one of whom the staff name to follow the activity.</summary>
    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(() => PrepareAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(() => PrepareAsync(id, ct));
        if (loaded is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return loaded;
        }

        return await TryAsync(async () =>
        {
            await update.HandleAsync(new ActivityId(id), new UpdateActivityInput(null, null, Status ?? string.Empty), Actor, ct);
            return Redirect($"/activites/{id}?modifie=1");
        }, string.Empty);
    }

    public async Task<IActionResult> OnPostManagerAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(() => PrepareAsync(id, ct));
        if (loaded is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return loaded;
        }

        return await TryAsync(async () =>
        {
            await assign.HandleAsync(new ActivityId(id), new AssignActivityManagerInput(ManagerId), Actor, ct);
            return Redirect($"/activites/{id}?gestionnaire=1");
        }, string.Empty);
    }

    private async Task PrepareAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Activity = await handler.HandleAsync(new ActivityId(id), Actor, ct);
        CanManage = Actor.IsAdmin || Actor.IsManagerOf(Activity.OfficeId);
        Managers = CanManage ? await offices.ListManagersAsync(Activity.OfficeId, ct) : [];
        Budget = await ledger.BudgetAsync(Activity.Id, ct);
        Chart = new BalanceChart(await ledger.MonthlyBalancesAsync(Activity.Id, HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today(), 12, ct));
        var v = new Infrastructure.Validation();
        var from = v.Date("From", "La date de début", From, required: false);
        var to = v.Date("To", "La date de fin", To, required: false);
        if (!v.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Les dates de la période s'écrivent AAAA-MM-JJ.");
            return;
        }

        Statement = await ledger.StatementAsync(Activity.Id, from, to, from is null && to is null ? DefaultLines : null, ct);
    }
}
