using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting.Pages;

/// <summary>The annual report on screen: a year, the group, an entity or an office; each table with its downloads; the history import for staff.</summary>
public sealed class AnnualReportModel(GetAnnualReport report, ImportHistory import, ILegalEntitiesApi entities, IOfficesApi offices, TimeProvider clock) : PartagePageModel
{
    [FromQuery(Name = "annee")]
    public int? Annee { get; set; }

    [FromQuery(Name = "structure")]
    public string? Structure { get; set; }

    [FromQuery(Name = "bureau")]
    public Guid? Bureau { get; set; }

    [BindProperty]
    public IFormFile? History { get; set; }

    public AnnualReport? Report { get; private set; }

    public IReadOnlyList<LegalEntityView> Entities { get; private set; } = [];

    public IReadOnlyList<OfficeView> Offices { get; private set; } = [];

    public string? Notice { get; private set; }

    public string Query => $"annee={Report?.Year}&structure={Uri.EscapeDataString(Structure ?? string.Empty)}&bureau={Bureau}";

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (found, pdf) = await report.PdfAsync(Annee ?? clock.Today().Year, Structure, Bureau is { } b ? OfficeId.From(b) : null, Actor, ct);
            return File(pdf, "application/pdf", $"rapport-annuel-{found.Year}.pdf");
        });

    public IActionResult OnGetTemplate() => File(HistoryFiles.Template(), "text/csv", "modele-historique.csv");

    /// <summary>One table as CSV or XLSX (« format=xlsx »).</summary>
    public async Task<IActionResult> OnGetTableAsync(string? code, string? format, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, type, content) = await report.TableFileAsync(code ?? string.Empty, format == "xlsx", Annee ?? clock.Today().Year, Structure, Bureau, Actor, ct);
            return File(content, type, name);
        });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            byte[]? content = null;
            if (History is { Length: > 0 and <= ImportHistory.MaxBytes })
            {
                using var buffer = new MemoryStream();
                await History.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }

            var loaded = await import.HandleAsync(History?.FileName, content, Actor, ct);
            return Redirect($"/rapport-annuel?annee={(loaded.Years.Count > 0 ? loaded.Years[^1] : clock.Today().Year)}&fait={Uri.EscapeDataString($"Historique chargé : {French.Count(loaded.Figures, "chiffre")} ({loaded.Added} nouveaux, {loaded.Replaced} remplacés).")}");
        }, string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        try
        {
            Report = await report.HandleAsync(Annee ?? clock.Today().Year, Structure, Bureau is { } b ? OfficeId.From(b) : null, Actor, ct);
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

        Entities = await entities.ListAsync(ct);
        Offices = Actor.IsCooperativeStaff ? await offices.ListOfficesAsync(ct) : [];
        return Page();
    }
}
