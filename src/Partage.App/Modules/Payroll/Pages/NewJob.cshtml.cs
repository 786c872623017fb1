using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>A member declares a job in one of their activities; the checks run, and the contract is ready to sign.</summary>
public sealed class NewJobModel(DeclareJob jobs, IActivitiesApi activities) : PartagePageModel
{
    [BindProperty]
    public JobForm Input { get; set; } = new();

    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public sealed class JobForm
    {
        public string? ActivityId { get; set; }

        public string? Kind { get; set; } = "intermittent_artist";

        public bool Cadre { get; set; }

        public string? Trade { get; set; }

        public string? Description { get; set; }

        public string? Place { get; set; }

        public string? Start { get; set; }

        public string? End { get; set; }

        public string? Hours { get; set; }

        public string? WorkedDays { get; set; }

        public string? PrecarityExemption { get; set; }

        public string? Cachets { get; set; }

        public string? Gross { get; set; }

        public string? UsageReason { get; set; }

        public string? Dfs { get; set; }

        public string? Function { get; set; }

        public string? Production { get; set; } = "show";

        public string? Title { get; set; }

        public string? OrganiserName { get; set; }

        public string? OrganiserSiret { get; set; }

        public string? OrganiserApe { get; set; }

        public string? OrganiserLicence { get; set; }

        public string? OrganiserRole { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        await LoadActivitiesAsync(ct);
        Input.ActivityId ??= Request.Query["activite"].FirstOrDefault() ?? Activities.FirstOrDefault()?.Id.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        await LoadActivitiesAsync(ct);
        return await TryAsync(async () =>
        {
            var job = await jobs.HandleAsync(new JobInput(Input.ActivityId, Input.Kind, Input.Cadre, Input.Trade, Input.Description, Input.Place, Input.Start, Input.End,
                Input.Hours, Input.Cachets, Input.Gross, Input.UsageReason, string.IsNullOrEmpty(Input.Dfs) ? null : Input.Dfs) 
            {
                WorkedDays = Input.WorkedDays, PrecarityExemption = Input.PrecarityExemption, Function = Input.Function, Production = Input.Production, Title = Input.Title,
                OrganiserName = Input.OrganiserName, OrganiserSiret = Input.OrganiserSiret, OrganiserApe = Input.OrganiserApe, OrganiserLicence = Input.OrganiserLicence,
                OrganiserRole = Input.OrganiserRole,
            }, Actor, ct);
            return Redirect($"/travaux/{job.Id}?fait={Uri.EscapeDataString($"Contrat {job.Number} établi : relisez-le et signez-le.")}");
        });
    }

    private async Task LoadActivitiesAsync(CancellationToken ct) =>
        Activities = Actor.MemberId is { } member ? (await activities.ListForMemberAsync(member, Actor, ct)).Where(a => a.Status == ActivityStatus.Active).ToList() : [];
}
