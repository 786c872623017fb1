using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>A job and its contract: the member signs it, the cooperative countersigns it, anyone concerned downloads it.</summary>
public sealed class JobModel(GetJob jobs, SendSignatureCode signatureCodes, SignContract sign, CountersignContract countersign, RecordCdiRefusal cdiRefusal, GetContractPdf contracts, GetPayslip payslips, GetPayslipPdf pdfs, ListPayslips jobPayslips, GetJobCertificatePdf certificates, SendBackContract sendBack) : PartagePageModel
{
    public JobView? Job { get; private set; }

    public IReadOnlyList<PayslipView> Payslips { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public string? SignatureName { get; set; }

    /// <summary>The one-time code received by e-mail, typed with the name.</summary>
    [BindProperty]
    public string? SignatureCode { get; set; }

    public bool CanCountersign { get; private set; }

    /// <summary>How the CDI was offered, when payroll staff record its refusal.</summary>
    [BindProperty]
    public string? CdiOffer { get; set; }

    /// <summary>Payroll staff, a countersigned régime général CDD still owing its indemnity, its last payslip not computed.</summary>
    public bool CanRecordCdiRefusal => Job is { } j && PayrollAccess.KeepsPayroll(Actor) && j.Kind == Partage.Payroll.EmployeeKind.RegimeGeneral && j.Status == JobStatus.Countersigned
        && j.PrecarityExemption is null && Payslips.All(p => p.Period != j.End.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    /// <summary>« Recevoir un code » for the signature the contract waits for (the member's or the countersignature).</summary>
    public Task<IActionResult> OnPostSendCodeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var sent = await signatureCodes.HandleAsync(JobId.From(id), Actor, ct);
            return $"Un code vient de partir vers {sent.SentTo}{(sent.SmsTo is { } sms ? $" et par SMS au {sms}" : string.Empty)} ; il vaut {SignatureCodes.Validity.TotalMinutes:0} minutes.";
        }, ct);

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => (await sign.HandleAsync(JobId.From(id), new SignatureInput(SignatureName, SignatureCode), HttpContext.Connection.RemoteIpAddress?.ToString(), Actor, ct)).Number + " signé.", ct);

    public Task<IActionResult> OnPostCdiRefusalAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => (await cdiRefusal.HandleAsync(JobId.From(id), new CdiRefusalInput(CdiOffer), Actor, ct)).Number + " : refus du CDI enregistré, pas d'indemnité de fin de contrat.", ct);

    public Task<IActionResult> OnPostCountersignAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => (await countersign.HandleAsync(JobId.From(id), new SignatureInput(SignatureName, SignatureCode), HttpContext.Connection.RemoteIpAddress?.ToString(), Actor, ct)).Number + " contre-signé ; DPAE enregistrée.", ct);

    /// <summary>Why the contract goes back to the member.</summary>
    [BindProperty]
    public string? SendBackReason { get; set; }

    public Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => (await sendBack.HandleAsync(JobId.From(id), new Infrastructure.SendBackInput(SendBackReason), Actor, ct)).Number + " renvoyé au membre avec votre motif ; le travail est annulé.", ct);

    public async Task<IActionResult> OnGetContractAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            var (name, content) = await contracts.HandleAsync(JobId.From(id), Actor, ct);
            return File(content, "application/pdf", name);
        }
        catch (Kernel.DomainException)
        {
            return NotFound();
        }
    }

    /// <summary>The employment certificate (AEM of an intermittent) once every payslip of the job is validated.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var (name, content) = await certificates.HandleAsync(JobId.From(id), Actor, ct);
            return File(content, "application/pdf", name);
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    public async Task<IActionResult> OnGetPayslipAsync(Guid id, Guid payslip, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            var found = await payslips.HandleAsync(PayslipId.From(payslip), Actor, ct);
            if (found.JobId != JobId.From(id))
            {
                return NotFound();
            }

            var (name, content) = await pdfs.HandleAsync(found.Id, Actor, ct);
            return File(content, "application/pdf", name);
        }
        catch (Kernel.DomainException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/travaux/{id}?fait={Uri.EscapeDataString(await action())}"), prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Job = await jobs.HandleAsync(JobId.From(id), Actor, ct);
        Payslips = await jobPayslips.ForJobAsync(Job.Id, Actor, ct);
        CanCountersign = PayrollAccess.KeepsPayroll(Actor) || Actor.IsInRole(Security.Roles.Manager);
    }
}
