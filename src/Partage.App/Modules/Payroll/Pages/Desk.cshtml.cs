using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>Payroll staff's desk: run the payroll, validate payslips, release wage batches, see contributions due.</summary>
public sealed class DeskModel(ListJobs jobs, ListPayslips payslips, ValidatePayslip validate, GetContributionsDue contributions, RunPayroll payroll, ListWageBatches batches, GetWageBatchSepaFile sepa, ExportDpaeCsv dpaeCsv, GetDpaeUpload dpaeUpload, GetEntityDsn dsn, FileEntityDsn filings, LegalEntities.ILegalEntitiesApi entities, PayrollParameters parameters, TimeProvider clock) : PartagePageModel
{
    [BindProperty]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DpaeFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DpaeTo { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DsnEntity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DsnMonth { get; set; }

    /// <summary>The entities' codes, for the DSN form.</summary>
    public IReadOnlyList<string> EntityCodes { get; private set; } = [];

    public string? Notice { get; private set; }

    public IReadOnlyList<JobView> ToCountersign { get; private set; } = [];

    public IReadOnlyList<PayslipView> ToValidate { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "lots")]
    public int? BatchPage { get; set; }

    public PagedResult<PaymentBatchView> BatchResult { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<PaymentBatchView> Batches => BatchResult.Items;

    public string BatchPageUrl(int page) => $"/paie?lots={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}#batches-title";

    public IReadOnlyList<ContributionDue> Contributions { get; private set; } = [];

    /// <summary>The DSN files kept, newest first.</summary>
    public IReadOnlyList<DsnFilingView> Filings { get; private set; } = [];

    /// <summary>The parameters in force today that are still open points of the research, for staff to confirm from their notices.</summary>
    public IReadOnlyList<string> ToConfirm { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public Task<IActionResult> OnPostRunAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var run = await payroll.HandleAsync(RunPayroll.Until(nameof(Until), Until, Today), Actor, ct);
        return $"Paie au {run.Until:dd/MM/yyyy} : {Kernel.French.Count(run.Computed, "bulletin calculé")}, {Kernel.French.Count(run.Batches, "lot de virement", "lots de virement")} ({Kernel.French.Count(run.Payments, "salaire")}, {run.Total.ToDisplayString()}), {run.WithoutIban} sans IBAN.";
    }, ct);

    public Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken ct) =>
        RunAsync(async () => $"Bulletin {(await validate.HandleAsync(PayslipId.From(id), Actor, ct)).Number} validé.", ct);

    public async Task<IActionResult> OnGetSepaAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            var (name, content) = await sepa.HandleAsync(id, Actor, ct);
            return File(content, "application/xml", name);
        }
        catch (Kernel.DomainException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnGetContributionsAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            return File(await contributions.CsvAsync(From, To, Actor, ct), "text/csv; charset=utf-8", $"cotisations-{From}-{To}.csv");
        }
        catch (Kernel.DomainException)
        {
            return NotFound();
        }
        catch (Kernel.InputValidationException)
        {
            return BadRequest();
        }
    }

    /// <summary>The DPAE of the hires countersigned in the chosen days: the URSSAF upload file, or the same data as CSV.</summary>
    public async Task<IActionResult> OnGetDpaeAsync(string? format, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var v = new Validation();
            var from = v.Date("DpaeFrom", "Le premier jour", DpaeFrom, required: true);
            var to = v.Date("DpaeTo", "Le dernier jour", DpaeTo, required: true);
            v.ThrowIfInvalid();
            using var output = new MemoryStream();
            if (format == "csv")
            {
                await dpaeCsv.HandleAsync(from!.Value, to!.Value, Actor, output, ct);
                return File(output.ToArray(), "text/csv; charset=utf-8", $"dpae-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
            }

            await dpaeUpload.HandleAsync(from!.Value, to!.Value, test: false, Actor, output, ct);
            return File(output.ToArray(), "application/xml; charset=iso-8859-1", $"dpae-{from:yyyyMMdd}-{to:yyyyMMdd}.xml");
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    /// <summary>The monthly DSN of an entity for its members, from the month's validated payslips.</summary>
    public async Task<IActionResult> OnGetDsnAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var file = await dsn.HandleAsync(DsnEntity, DsnMonth, test: false, Actor, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    /// <summary>Builds and keeps the month's DSN (an annule et remplace once one is deposited).</summary>
    public Task<IActionResult> OnPostFileDsnAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var filed = await filings.FileAsync(new DsnFilingInput(DsnEntity, DsnMonth), Actor, ct);
        return $"DSN {filed.Entity} {filed.Period} n° {filed.Ordinal} conservée ({DsnLabels.Type(filed.Type)}), à déposer avant le {filed.Deadline:dd/MM/yyyy}.";
    }, ct);

    public Task<IActionResult> OnPostDsnSentAsync(Guid id, string? depositReference, CancellationToken ct) => RunAsync(async () =>
    {
        var sent = await filings.MarkSentAsync(id, new DsnSentInput(depositReference), Actor, ct);
        return $"DSN {sent.Entity} {sent.Period} n° {sent.Ordinal} notée déposée ({sent.DepositReference}).";
    }, ct);

    public async Task<IActionResult> OnGetDsnFileAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var file = await filings.FileOfAsync(id, Actor, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    public DateOnly Today => clock.Today();

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/paie?fait={Uri.EscapeDataString(await action())}"), prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        PayrollAccess.RequireStaff(Actor);
        Until ??= Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        From ??= Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        To ??= From;
        DpaeFrom ??= Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        DsnMonth ??= Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);   // the DSN of a month is filed early the next
        EntityCodes = (await entities.CodesAsync(ct)).Values.Order(StringComparer.Ordinal).ToList();
        // The default income-tax grid's 40 rows are one open point.
        ToConfirm = (await parameters.InForceAsync(Today, Actor, ct)).Where(p => p.ToConfirm)
            .Select(p => p.Code.StartsWith("pas_neutre_", StringComparison.Ordinal) ? "pas_neutre_* (grille par défaut)" : p.Code).Distinct().ToList();
        Filings = (await filings.ListAsync(null, null, Actor, ct)).Take(12).ToList();
        DpaeTo ??= DpaeFrom;
        ToCountersign = (await jobs.HandleAsync(nameof(JobStatus.Signed), null, new PageRequest(1, 50), Actor, ct)).Items;
        ToValidate = (await payslips.HandleAsync(nameof(PayslipStatus.Computed), new PageRequest(1, 100), Actor, ct)).Items;
        BatchResult = await batches.HandleAsync(new PageRequest(BatchPage, null), Actor, ct);
        Contributions = await FilteredAsync(() => contributions.HandleAsync(From, To, Actor, ct));
    }
}
