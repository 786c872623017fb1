using Partage.App.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

public sealed class DetailModel(GetInvoice views, IssueInvoice issue, ValidateInvoice validate, CreditInvoice credit, RecordInvoicePayment recordPayment, InvoiceDocuments documents, IActivitiesApi activities, DisputeInvoice dispute, GetDunningLog dunningLog, SendInvoice send, DuplicateInvoice duplicate, SendBackInvoice sendBack) : PartagePageModel
{
    public InvoiceView? Invoice { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanValidate { get; private set; }

    public bool KeepsAccounts { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<DunningLogLine> DunningLog { get; private set; } = [];

    [BindProperty]
    public string? DisputeReason { get; set; }

    [BindProperty]
    public PaymentInput Payment { get; set; } = new(null, null, null);

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Why the manager sends the invoice back to the member.</summary>
    [BindProperty]
    public string? SendBackReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => (await issue.HandleAsync(InvoiceId.From(id), Actor, ct)) is { Status: InvoiceStatus.PendingValidation }
            ? ("La facture dépasse le seuil : elle attend la validation de votre gestionnaire d'activité.", id)
            : ("Facture émise.", id), ct);

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => ($"Envoyée à {(await send.HandleAsync(InvoiceId.From(id), Actor, ct)).SentTo}.", id), ct);

    public Task<IActionResult> OnPostDuplicateAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => ("Copie enregistrée en brouillon, datée d'aujourd'hui : vérifiez-la avant de l'émettre.", (await duplicate.HandleAsync(InvoiceId.From(id), Actor, ct)).Id.Value), ct);

    public Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await validate.HandleAsync(InvoiceId.From(id), Actor, ct); return ("Facture validée et émise.", id); }, ct);

    public Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await sendBack.HandleAsync(InvoiceId.From(id), new SendBackInput(SendBackReason), Actor, ct); return ("Facture renvoyée au membre avec votre motif.", id); }, ct);

    public Task<IActionResult> OnPostPaymentAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { var paid = await recordPayment.HandleAsync(InvoiceId.From(id), Payment, Actor, ct); return ($"Paiement enregistré. Reste dû : {paid.Remaining.ToDisplayString()}.", id); }, ct);

    public Task<IActionResult> OnPostCreditAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { var note = await credit.HandleAsync(InvoiceId.From(id), Reason, Actor, ct); return ($"Avoir {note.Number} émis.", note.Id.Value); }, ct);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            await dispute.HandleAsync(InvoiceId.From(id), DisputeReason, Actor, ct);
            return (string.IsNullOrWhiteSpace(DisputeReason) ? "Litige clos : les relances reprennent." : "Litige enregistré : les relances sont suspendues.", id);
        }, ct);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) =>
        await DocumentAsync(id, doc => File(FacturXPdf.Write(doc), "application/pdf", $"{doc.FileStem}.pdf"), ct);

    public async Task<IActionResult> OnGetXmlAsync(Guid id, CancellationToken ct) =>
        await DocumentAsync(id, doc => File(CiiWriter.Write(doc), "application/xml", $"{doc.FileStem}.xml"), ct);

    private async Task<IActionResult> DocumentAsync(Guid id, Func<InvoiceDocument, IActionResult> file, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            return await documents.FindAsync(InvoiceId.From(id), Actor, ct) is { } doc ? file(doc) : NotFound();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<(string Notice, Guid Target)>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var (notice, target) = await action();
            return Redirect($"/factures/{target}?fait={Uri.EscapeDataString(notice)}");
        }, string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Invoice = await views.HandleAsync(InvoiceId.From(id), Actor, ct);
        var activity = await activities.FindVisibleAsync(Invoice.ActivityId, Actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        CanEdit = InvoicingAccess.CanEdit(Actor, activity);
        CanValidate = InvoicingAccess.CanValidate(Actor, activity);
        KeepsAccounts = InvoicingAccess.KeepsAccounts(Actor);
        DunningLog = await dunningLog.HandleAsync(Invoice.Id, Actor, ct);
    }
}
