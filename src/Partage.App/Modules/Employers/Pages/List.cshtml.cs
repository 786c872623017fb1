using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Offices;
using Partage.App.Ui;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>The contract-management service's employers: search and filters, exposure for the cooperative's staff, a new employer for payroll staff. An employer's account goes to its own page.</summary>
public sealed class ListModel(SearchEmployers searchEmployers, CreateEmployer createEmployer, GetEmployerExposure exposure, IOfficesApi offices) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? LegalForm { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public EmployerForm Input { get; set; } = new();

    public PagedResult<EmployerView> Result { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<EmployerExposure> Exposure { get; private set; } = [];

    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public sealed class EmployerForm
    {
        public string? Name { get; set; }

        public string? LegalForm { get; set; } = "Association";

        public string? Sector { get; set; } = "LivePerformance";

        public string? Siret { get; set; }

        public string? Ape { get; set; }

        public string? CollectiveAgreement { get; set; } = "3090";

        public string? UrssafReference { get; set; }

        public string? UrssafSiret { get; set; }

        public string? LicenceNumber { get; set; }

        public string? LicenceValidUntil { get; set; }

        public string? FundReferences { get; set; }

        /// <summary>From the employer's own CARSAT notice: no default, a wrong rate would be declared.</summary>
        public string? AtMpRate { get; set; }

        public string? Headcount { get; set; }

        public string? OfficeId { get; set; }

        public string? Street { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? BillingEmail { get; set; }

        public string? ExposureLimit { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (Actor.EmployerId is { } own)
        {
            return Redirect($"/employeurs/{own}");
        }

        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var created = await createEmployer.HandleAsync(new EmployerInput(Input.Name, Input.LegalForm, Input.Sector, Input.Siret, Input.Ape, Input.CollectiveAgreement, Input.UrssafReference,
                Input.FundReferences, Input.AtMpRate, Input.Headcount, Input.OfficeId, Input.Street, Input.PostalCode, Input.City, Input.BillingEmail, Input.ExposureLimit) { UrssafSiret = Input.UrssafSiret, LicenceNumber = Input.LicenceNumber, LicenceValidUntil = Input.LicenceValidUntil }, Actor, ct);
            return Redirect($"/employeurs/{created.Id}?fait={Uri.EscapeDataString(created.Name + " inscrit.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Result = await searchEmployers.HandleAsync(Search, Status, LegalForm, Sector, new PageRequest(PageNumber, null), Actor, ct);
        Offices = await offices.ListOfficesAsync(ct);
        if (Actor.IsCooperativeStaff)
        {
            Exposure = await exposure.HandleAsync(Actor, ct);
        }
    }
}
