using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>Payroll staff: the parameters in force at any date with their sources, and a new dated value for the uncertain ones.</summary>
public sealed class ParametersModel(PayrollParameters parameters, MinimumRates minimums, NotifiedTaxRates taxRates, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public SettingForm Input { get; set; } = new();

    public DateOnly On { get; private set; }

    public IReadOnlyList<ParameterView> Parameters { get; private set; } = [];

    public IReadOnlyList<MinimumRateView> Minimums { get; private set; } = [];

    [BindProperty]
    public MinimumForm Minimum { get; set; } = new();

    public sealed class MinimumForm
    {
        public string? CollectiveAgreement { get; set; } = "3090";

        public string? Trade { get; set; }

        public string? Unit { get; set; } = "Cachet";

        public string? Amount { get; set; }

        public string? From { get; set; }

        public string? Source { get; set; }
    }

    public string? Notice { get; private set; }

    public IReadOnlyList<NotifiedTaxRateView> TaxRates { get; private set; } = [];

    [BindProperty]
    public TaxRateForm TaxRate { get; set; } = new();

    public sealed class TaxRateForm
    {
        public string? MemberNumber { get; set; }

        public string? Rate { get; set; }

        public string? From { get; set; }

        public string? Source { get; set; }
    }

    public sealed class SettingForm
    {
        public string? Code { get; set; }

        public string? From { get; set; }

        public string? Value { get; set; }

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
            var added = await parameters.AddAsync(new NewSettingInput(Input.Code, Input.From, Input.Value, Input.Source), Actor, ct);
            var notice = $"{added.Code} = {added.Value?.ToString("0.##########", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} à partir du {added.From:dd/MM/yyyy}.";
            return Redirect($"/paie/parametres?date={added.From:yyyy-MM-dd}&fait={Uri.EscapeDataString(notice)}");
        });
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    public async Task<IActionResult> OnPostMinimumAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var added = await minimums.AddAsync(new NewMinimumRateInput(Minimum.CollectiveAgreement, Minimum.Trade, Minimum.Unit, Minimum.Amount, Minimum.From, Minimum.Source), Actor, ct);
            var notice = $"minimum IDCC {added.CollectiveAgreement}, {added.Trade} : {added.Amount.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} € par {(added.Unit == MinimumUnit.Cachet ? "cachet" : "heure")} à partir du {added.From:dd/MM/yyyy}.";
            return Redirect($"/paie/parametres?fait={Uri.EscapeDataString(notice)}");
        }, prefix: "Minimum");
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    public async Task<IActionResult> OnPostTaxRateAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var added = await taxRates.AddAsync(new NotifiedTaxRateInput(TaxRate.MemberNumber, TaxRate.Rate, TaxRate.From, TaxRate.Source), Actor, ct);
            var notice = $"taux de prélèvement de {(added.Rate * 100).ToString("0.0##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % pour le membre n° {TaxRate.MemberNumber} à partir du {added.From:dd/MM/yyyy}.";
            return Redirect($"/paie/parametres?fait={Uri.EscapeDataString(notice)}");
        }, prefix: "TaxRate");
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        On = DateOnly.TryParse(Date, System.Globalization.CultureInfo.InvariantCulture, out var on) ? on : clock.Today();
        Parameters = await parameters.InForceAsync(On, Actor, ct);
        Minimums = await minimums.ListAsync(Actor, ct);
        TaxRates = await taxRates.RecentAsync(20, Actor, ct);
    }
}
