using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Employers.Features;
using Partage.App.Security;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Pages;

/// <summary>
/// One employer: its record and mandates (payroll staff sign and terminate them), its contracts
/// (submitted online or by CSV by the employer or payroll staff), its payslips (validated by payroll
/// staff), its pay-period invoices (issued by payroll staff, payments recorded by finance), its
/// staff's employment certificates and, under a complete mandate, its monthly DSN.
/// </summary>
public sealed class DetailModel(GetEmployer getEmployer, SignMandate signMandate, TerminateMandate terminateMandate, GetMandatePdf mandatePdf, SubmitStaffContract submitContract, ImportStaffContracts import, ListStaffContracts contracts, GetStaffContractPdf contractPdf, ValidateStaffPayslip validatePayslip,
    ListStaffPayslips payslips, GetStaffPayslipPdf payslipPdf, IssueEmployerInvoice issueInvoice, RecordEmployerPayment recordPayment, CreditEmployerInvoice creditInvoice,
    ListEmployerInvoices invoices, GetEmployerInvoicePdf invoicePdf, GetStaffCertificatePdf certificatePdf, GetStaffDsn dsnFile, FileStaffDsn dsnFilings) : PartagePageModel
{
    public EmployerView? Employer { get; private set; }

    public IReadOnlyList<StaffContractView> Contracts { get; private set; } = [];

    public IReadOnlyList<StaffPayslipView> Payslips { get; private set; } = [];

    public IReadOnlyList<EmployerInvoiceView> Invoices { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The month the DSN form offers: the one asked for, else the last month with payslips.</summary>
    public string? DsnMonth { get; private set; }

    /// <summary>The DSN kept for this employer (payroll staff only).</summary>
    public IReadOnlyList<Payroll.Features.DsnFilingView> DsnFilings { get; private set; } = [];

    [BindProperty]
    public IFormFile? ContractsFile { get; set; }

    [BindProperty]
    public StaffContractForm Contract { get; set; } = new();

    [BindProperty]
    public string? MandateKind { get; set; } = "Complete";

    [BindProperty]
    public string? SignedOn { get; set; }

    [BindProperty]
    public string? SignedBy { get; set; }

    [BindProperty]
    public string? LastDay { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? PaidOn { get; set; }

    [BindProperty]
    public string? CreditReason { get; set; }

    public sealed class StaffContractForm
    {
        public string? LastName { get; set; }

        public string? FirstName { get; set; }

        public string? Nir { get; set; }

        public string? BirthDate { get; set; }

        public string? BirthPlace { get; set; }

        public string? BirthCountry { get; set; }

        public string? Iban { get; set; }

        public string? Kind { get; set; } = "intermittent_artist";

        public string? Job { get; set; }

        public string? Event { get; set; }

        public string? Start { get; set; }

        public string? End { get; set; }

        public string? Hours { get; set; }

        public string? Cachets { get; set; }

        public string? Gross { get; set; }

        public string? Allowances { get; set; }

        public string? Dfs { get; set; }

        public string? WorkedDays { get; set; }
    }

    public bool CanSubmit => Employer is { } e && (EmployersAccess.Manages(Actor) || Actor.EmployerId == e.Id);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        if (ContractsFile is null || ContractsFile.Length == 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["file"] = ["Choisissez le fichier CSV des contrats."] });
        }

        await using var stream = ContractsFile.OpenReadStream();
        var result = await import.HandleAsync(EmployerId.From(id), stream, Actor, ct);
        return $"{result.Imported} contrats importés ; DPAE enregistrées.";
    }, ct);

    public Task<IActionResult> OnPostContractAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        var c = Contract;
        var saved = await submitContract.HandleAsync(EmployerId.From(id), new StaffContractInput(c.LastName, c.FirstName, c.Nir, c.BirthDate, c.Iban, c.Kind, null, c.Job, c.Event,
            c.Start, c.End, c.Hours, c.Cachets, c.Gross, c.Allowances, c.Dfs, c.BirthPlace, c.BirthCountry) { WorkedDays = c.WorkedDays }, Actor, ct);
        return $"Contrat {saved.Number} enregistré ; DPAE enregistrée.";
    }, ct, prefix: "Contract");

    public Task<IActionResult> OnPostMandateAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        await signMandate.HandleAsync(EmployerId.From(id), new MandateInput(MandateKind, SignedOn, SignedBy), Actor, ct);
        return "Mandat enregistré.";
    }, ct);

    public Task<IActionResult> OnPostTerminateAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        var view = await terminateMandate.HandleAsync(EmployerId.From(id), new TerminationInput(LastDay, Reason), Actor, ct);
        return $"Mandat résilié au {view.Mandates[^1].TerminatedOn:dd/MM/yyyy}.";
    }, ct);

    public Task<IActionResult> OnPostValidateAsync(Guid id, Guid payslip, CancellationToken ct) =>
        RunAsync(id, async () => $"Bulletin {(await validatePayslip.HandleAsync(payslip, Actor, ct)).Number} validé.", ct);

    public Task<IActionResult> OnPostInvoiceAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => $"Facture {(await issueInvoice.HandleAsync(EmployerId.From(id), new EmployerInvoiceInput(Period), Actor, ct)).Number} émise.", ct);

    public Task<IActionResult> OnPostPaymentAsync(Guid id, Guid invoice, CancellationToken ct) =>
        RunAsync(id, async () => $"Règlement enregistré sur {(await recordPayment.HandleAsync(invoice, new EmployerPaymentInput(Amount, PaidOn), Actor, ct)).Number}.", ct);

    public Task<IActionResult> OnPostCreditAsync(Guid id, Guid invoice, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var note = await creditInvoice.HandleAsync(invoice, new EmployerCreditInput(CreditReason), Actor, ct);
            return $"Avoir {note.Number} émis : la facture {note.Related} est annulée, ses bulletins sont à refacturer.";
        }, ct);

    public Task<IActionResult> OnGetMandatePdfAsync(Guid id, Guid mandate, CancellationToken ct) =>
        DownloadAsync(() => mandatePdf.HandleAsync(EmployerId.From(id), mandate, Actor, ct), "application/pdf");

    public Task<IActionResult> OnGetContractPdfAsync(Guid id, Guid contract, CancellationToken ct) =>
        DownloadAsync(() => contractPdf.HandleAsync(EmployerId.From(id), contract, Actor, ct), "application/pdf");

    public Task<IActionResult> OnGetPayslipPdfAsync(Guid payslip, CancellationToken ct) => DownloadAsync(() => payslipPdf.HandleAsync(payslip, Actor, ct), "application/pdf");

    public Task<IActionResult> OnGetInvoicePdfAsync(Guid invoice, CancellationToken ct) => DownloadAsync(() => invoicePdf.HandleAsync(invoice, Actor, ct), "application/pdf");

    public Task<IActionResult> OnGetCertificatePdfAsync(Guid id, Guid contract, CancellationToken ct) =>
        AttemptAsync(id, async () =>
        {
            var (name, content) = await certificatePdf.HandleAsync(EmployerId.From(id), contract, Actor, ct);
            return File(content, "application/pdf", name);
        }, ct);

    public Task<IActionResult> OnGetDsnAsync(Guid id, string? month, bool test, CancellationToken ct) =>
        AttemptAsync(id, async () =>
        {
            DsnMonth = month;
            var dsn = await dsnFile.HandleAsync(EmployerId.From(id), month, test, Actor, ct);
            return File(dsn.Content, dsn.ContentType, dsn.FileName);
        }, ct);

    public Task<IActionResult> OnPostFileDsnAsync(Guid id, string? month, CancellationToken ct) => RunAsync(id, async () =>
    {
        DsnMonth = month;
        var filed = await dsnFilings.HandleAsync(EmployerId.From(id), new StaffDsnFilingInput(month), Actor, ct);
        return $"DSN {filed.Period} n° {filed.Ordinal} conservée ({Payroll.Features.DsnLabels.Type(filed.Type)}), à déposer avant le {filed.Deadline:dd/MM/yyyy} ; le dépôt se note sur le bureau de la paie.";
    }, ct);

    public IActionResult OnGetTemplate() => File(ImportStaffContracts.Template(), "text/csv; charset=utf-8", "modele-contrats.csv");

    private Task<IActionResult> DownloadAsync(Func<Task<(string Name, byte[] Content)>> download, string type) => DownloadAsync(async () =>
    {
        var (name, content) = await download();
        return File(content, type, name);
    });

    private Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct, string prefix = "") =>
        AttemptAsync(id, async () => Redirect($"/employeurs/{id}?fait={Uri.EscapeDataString(await action())}"), ct, prefix);

    /// <summary>Runs an action; a refusal shows this employer's page again with the message.</summary>
    private async Task<IActionResult> AttemptAsync(Guid id, Func<Task<IActionResult>> action, CancellationToken ct, string prefix = "")
    {
        await LoadActorAsync();
        var result = await TryAsync(action, prefix);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Employer = await getEmployer.HandleAsync(EmployerId.From(id), Actor, ct);
        Contracts = (await contracts.HandleAsync(Employer.Id, new PageRequest(1, 100), Actor, ct)).Items;
        Payslips = (await payslips.HandleAsync(Employer.Id, null, new PageRequest(1, 100), Actor, ct)).Items;
        Invoices = (await invoices.HandleAsync(Employer.Id, new PageRequest(1, 50), Actor, ct)).Items;
        Period ??= Payslips.FirstOrDefault(p => p.InvoiceId is null)?.Period;
        DsnMonth ??= Payslips.FirstOrDefault()?.Period;
        if (EmployersAccess.Manages(Actor) && Employer.Mandates.Any(m => m.Kind == Partage.App.Modules.Employers.MandateKind.Complete))
        {
            DsnFilings = await dsnFilings.ListAsync(Employer.Id, Actor, ct);
        }
    }
}
