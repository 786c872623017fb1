using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Security;
using Partage.App.Ui;

namespace Partage.App.Infrastructure.Scheduling.Pages;

/// <summary>Staff see each scheduled job's last and next run; finance, payroll and administration may start one now.</summary>
[Authorize]
public sealed class JobsModel(ScheduledJobs jobs) : PartagePageModel
{
    public IReadOnlyList<ScheduledJobStatus> Status { get; private set; } = [];

    public IReadOnlyList<ScheduledJobRun> History { get; private set; } = [];

    public bool SchedulerEnabled => jobs.SchedulerEnabled;

    public bool CanRun => Actor.IsAdmin || Actor.IsInRole(Roles.Finance) || Actor.IsInRole(Roles.Payroll);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (!Actor.IsCooperativeStaff)
        {
            return NotFound();
        }

        Status = await jobs.StatusAsync(ct);
        History = await jobs.HistoryAsync(50, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(string? key, CancellationToken ct)
    {
        await LoadActorAsync();
        if (!CanRun || key is null || jobs.Definitions.All(d => d.Key != key))
        {
            return NotFound();
        }

        return await jobs.TriggerNowAsync(key, Actor, ct) ? RedirectToPage(null, null, new { lancee = 1 }) : await OnGetAsync(ct);
    }
}
