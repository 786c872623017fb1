using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting.Pages;

/// <summary>An office's dashboard on screen: the month chosen (this one by default), an office for staff, the charts with their tables.</summary>
public sealed class OfficeDashboardModel(GetOfficeDashboard dashboards, IOfficesApi offices) : PartagePageModel
{
    [FromQuery(Name = "mois")]
    public string? Mois { get; set; }

    [FromQuery(Name = "bureau")]
    public Guid? Bureau { get; set; }

    public OfficeDashboard? Dashboard { get; private set; }

    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public IReadOnlyList<(string Svg, string Title)> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            Dashboard = await dashboards.HandleAsync(Mois, Bureau is { } b ? OfficeId.From(b) : null, Actor, ct);
        }
        catch (DomainException e) when (e.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (InputValidationException e)
        {
            foreach (var message in e.Errors.SelectMany(x => x.Value))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        Offices = Actor.IsCooperativeStaff ? await offices.ListOfficesAsync(ct) : [];
        if (Dashboard is { } d)
        {
            var months = d.Months.Select(m => m.Label).ToList();
            var charts = new List<(string, string)>();
            void Add(string title, bool bars, bool counts, params (string Label, IReadOnlyList<decimal?> Values)[] series)
            {
                if (ReportCharts.Svg(title, months, series, bars, counts) is { } svg)
                {
                    charts.Add((svg, title));
                }
            }

            Add("Facturation HT par mois", bars: true, counts: false,
                (d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Months.Select(m => (decimal?)m.Invoiced).ToList()),
                ((d.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), d.Months.Select(m => (decimal?)m.InvoicedLastYear).ToList()));
            Add("Membres inscrits en fin de mois", bars: false, counts: true, ("Membres inscrits", d.Months.Select(m => (decimal?)m.Registered).ToList()));
            Add("Masse salariale brute par mois", bars: true, counts: false, ("Brut", d.Months.Select(m => (decimal?)m.Gross).ToList()));
            Charts = charts;
        }

        return Page();
    }
}
