using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>Managers and payroll staff: the jobs refused or flagged under employment law, by office and month.</summary>
public sealed class ComplianceModel(ListComplianceEvents events, IOfficesApi offices, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public PagedResult<ComplianceEventView> Result { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Month ??= Kernel.PayPeriod.Containing(Kernel.ParisTime.Today(clock)).ToString();
        Offices = PayrollAccess.KeepsPayroll(Actor) ? await offices.ListOfficesAsync(ct) : [];
        try
        {
            return await LoadAsync(async () => Result = await events.HandleAsync(Office, Month, Outcome, new PageRequest(PageNumber, null), Actor, ct));
        }
        catch (Kernel.InputValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }

            return Page();
        }
    }

    public string Query(int page) => $"?office={Office}&month={Month}&outcome={Outcome}&p={page}";
}
