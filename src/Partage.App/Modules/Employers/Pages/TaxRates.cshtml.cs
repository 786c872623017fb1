using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Modules.Employers.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>Payroll staff: the withholding rates the tax office notified for an employer's staff, and a new one from a date.</summary>
public sealed class TaxRatesModel(StaffTaxRates rates, GetEmployer getEmployer) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string EmployerName { get; private set; } = string.Empty;

    public IReadOnlyList<StaffTaxRatesView> Staff { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public RateForm Input { get; set; } = new();

    public sealed class RateForm
    {
        public string? StaffMemberId { get; set; }

        public string? Rate { get; set; }

        public string? From { get; set; }

        public string? Source { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var added = await rates.AddAsync(EmployerId.From(Id), new StaffTaxRateInput(Input.StaffMemberId, Input.Rate, Input.From, Input.Source), Actor, ct);
            var notice = $"taux de {(added.Rate * 100).ToString("0.0##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % pour {added.StaffName} à partir du {added.From:dd/MM/yyyy}.";
            return Redirect($"/employeurs/{Id}/taux?fait={Uri.EscapeDataString(notice)}");
        }, prefix: "Input");
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Staff = await rates.ListAsync(EmployerId.From(Id), Actor, ct);
        EmployerName = (await getEmployer.HandleAsync(EmployerId.From(Id), Actor, ct)).Name;
    }
}
