using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Employers.Features;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>Payroll staff: the withholding rates the tax office notified for an employer's staff, and a new one from a date.</summary>
public sealed class TaxRatesModel(StaffTaxRates rates, GetEmployer getEmployer) : EmployerServicePageModel(getEmployer)
{
    public IReadOnlyList<StaffTaxRatesView> Staff { get; private set; } = [];

    [BindProperty]
    public RateForm Input { get; set; } = new();

    protected override string Path => "taux";

    public sealed class RateForm
    {
        public string? StaffMemberId { get; set; }

        public string? Rate { get; set; }

        public string? From { get; set; }

        public string? Source { get; set; }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(async () =>
    {
        var added = await rates.AddAsync(EmployerId.From(Id), new StaffTaxRateInput(Input.StaffMemberId, Input.Rate, Input.From, Input.Source), Actor, ct);
        return $"taux de {(added.Rate * 100).ToString("0.0##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % pour {added.StaffName} à partir du {added.From:dd/MM/yyyy}.";
    }, ct);

    protected override async Task LoadListAsync(CancellationToken ct) => Staff = await rates.ListAsync(EmployerId.From(Id), Actor, ct);
}
