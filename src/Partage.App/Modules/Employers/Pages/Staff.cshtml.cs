using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Employers.Features;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>Payroll staff: an employer's staff with the town and country of birth the DSN declares, and a correction.</summary>
public sealed class StaffModel(StaffBirthplaces staff, GetEmployer getEmployer) : EmployerServicePageModel(getEmployer)
{
    public IReadOnlyList<StaffPersonView> Staff { get; private set; } = [];

    [BindProperty]
    public BirthplaceForm Input { get; set; } = new();

    protected override string Path => "salaries";

    public sealed class BirthplaceForm
    {
        public string? StaffMemberId { get; set; }

        public string? BirthPlace { get; set; }

        public string? BirthCountry { get; set; }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(async () =>
    {
        if (!Guid.TryParse(Input.StaffMemberId, out var person))
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["StaffMemberId"] = ["Choisissez un salarié de cet employeur."] });
        }

        var saved = await staff.SetAsync(EmployerId.From(Id), person, new StaffBirthplaceInput(Input.BirthPlace, Input.BirthCountry), Actor, ct);
        return $"{saved.FullName}, né(e) à {saved.BirthPlace}.";
    }, ct);

    protected override async Task LoadListAsync(CancellationToken ct) => Staff = await staff.ListAsync(EmployerId.From(Id), Actor, ct);
}
