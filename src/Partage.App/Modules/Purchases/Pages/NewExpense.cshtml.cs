using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Ui;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Purchases.Pages;

public sealed class NewExpenseModel(SubmitExpenseNote submit, IActivitiesApi activities, IPayrollApi payroll, TimeProvider clock) : PartagePageModel
{
    [BindProperty]
    public ExpenseNoteInput Input { get; set; } = new(null, null, null, null, null, null, null, null);

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    /// <summary>The member's jobs of this year and last, for the meal and lodging allowances.</summary>
    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    /// <summary>Each allowance with today's flat rate (the note takes the rate of its own day).</summary>
    public IReadOnlyList<(JobAllowance Allowance, Money? Limit)> Allowances { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (Actor.MemberId is null)
        {
            return NotFound();
        }

        Input = Input with { Date = clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        await LoadActivitiesAsync(ct);
        return Page();
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
            ReceiptUpload? receipt = null;
            if (Receipt is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await Receipt.CopyToAsync(buffer, ct);
                receipt = new ReceiptUpload(Receipt.FileName, buffer.ToArray());
            }

            var note = await submit.HandleAsync(Input, receipt, Actor, ct);
            return Redirect($"/frais/{note.Id}?fait={Uri.EscapeDataString($"Note de frais enregistrée ({note.Amount.ToDisplayString()}) : votre gestionnaire d'activité l'approuvera.")}");
        });
        await LoadActivitiesAsync(ct);
        return result;
    }

    private async Task LoadActivitiesAsync(CancellationToken ct)
    {
        Activities = (await activities.ListForMemberAsync(Actor.MemberId!.Value, Actor, ct)).Where(a => a.Status != ActivityStatus.Closed).ToList();
        var today = clock.Today();
        Jobs = await payroll.MemberJobsAsync(Actor.MemberId!.Value, new DateOnly(today.Year - 1, 1, 1), ct);
        var catalog = await payroll.CatalogAsync(ct);
        Allowances = JobAllowances.All.Select(a => (a, JobAllowances.Limit(catalog, a, today))).ToList();
    }
}
