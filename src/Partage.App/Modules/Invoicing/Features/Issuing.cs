using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// Issuing: the number in the entity's continuous series, the frozen parties and figures, the
/// sale posted to the ledger with the cooperative's fee, all in one transaction. Also the
/// manager's validation of large invoices, and the credit note that cancels an invoice.
/// </summary>
public sealed class Issuing(
    PartageDbContext db, NumberSeries numbers, ILedgerApi ledger, IActivitiesApi activities, IClientsApi clients,
    ILegalEntitiesApi entities, IAuditLog audit, GetInvoice views, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    /// <summary>Issues the draft, or sends it to the manager when a member's invoice is above the threshold.</summary>
    public async Task<InvoiceView> IssueAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanEdit(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw new DomainException(InvoicingErrors.NotDraft);
        }

        if (!InvoicingAccess.CanValidate(actor, activity) && invoice.GrossCents > options.Value.ValidationThresholdCents)
        {
            invoice.AwaitValidation();
            audit.Record(actor, "invoicing.validation_requested", "invoice", invoice.Id.ToString(), null, new { invoice.GrossCents });
            await db.SaveChangesAsync(ct);
            return await views.HandleAsync(id, actor, ct);
        }

        return await IssueCoreAsync(invoice, actor, ct);
    }

    public async Task<InvoiceView> ValidateAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanValidate(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        if (invoice.Status != InvoiceStatus.PendingValidation)
        {
            throw new DomainException(InvoicingErrors.NotPending);
        }

        return await IssueCoreAsync(invoice, actor, ct);
    }

    /// <summary>Cancels an issued, unpaid invoice by a credit note of the same amounts, numbered in the same series.</summary>
    public async Task<InvoiceView> CreditAsync(InvoiceId id, string? reason, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanValidate(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var v = new Infrastructure.Validation();
        var why = v.Required("Reason", "Le motif de l'avoir", reason, 200);
        v.ThrowIfInvalid();
        if (invoice.Kind != InvoiceKind.Invoice || invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Sent))
        {
            throw new DomainException(invoice.Payments.Count > 0 ? InvoicingErrors.CreditAfterPayment : InvoicingErrors.NotIssued);
        }

        var before = invoice.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = Today;
        var note = new Invoice
        {
            Id = TypedId.New<InvoiceId>(), Kind = InvoiceKind.CreditNote, LegalEntityId = invoice.LegalEntityId,
            ActivityId = invoice.ActivityId, ModuleCode = invoice.ModuleCode, MemberId = invoice.MemberId, OfficeId = invoice.OfficeId, ClientId = invoice.ClientId,
            ServiceFrom = invoice.ServiceFrom, ServiceTo = invoice.ServiceTo, BuyerReference = invoice.BuyerReference, PurchaseOrder = why,
            PaymentTermsDays = 0, CreditedInvoiceId = invoice.Id, NetCents = invoice.NetCents, VatCents = invoice.VatCents, GrossCents = invoice.GrossCents,
            PartiesJson = invoice.PartiesJson, IssueDate = today, DueDate = today, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
            IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor.Name,
            Lines = invoice.Lines.Select(l => new InvoiceLine
            {
                Id = Guid.CreateVersion7(), Position = l.Position, Description = l.Description, Quantity = l.Quantity, Unit = l.Unit, UnitPrice = l.UnitPrice,
                VatCode = l.VatCode, NetCents = l.NetCents,
            }.Freeze(l.Vat)).ToList(),
        };
        note.Number = await NextNumberAsync(note.LegalEntityId, today, ct);
        note.MarkIssued();
        var sale = await ledger.FindEntryAsync(invoice.SaleEntryId!.Value, ct) ?? throw new InvalidOperationException("An issued invoice without its sale entry.");
        var entry = await ledger.PostAsync(new PostEntryRequest(
            note.LegalEntityId, "VT", today, $"Avoir {note.Number} sur facture {invoice.Number}", "credit_note", note.Id.ToString(), $"credit-note:{invoice.Id}",
            sale.Lines.Select(l => new PostingLine(l.AccountId, l.Side == Side.Debit ? Side.Credit : Side.Debit, l.Amount, l.ActivityId, l.Label)).ToList(), note.Number), actor, ct);
        note.SaleEntryId = entry.Id;
        invoice.MarkCredited();
        db.Add(note);
        audit.Record(actor, "invoicing.credited", "invoice", invoice.Id.ToString(), new { Status = before }, new { CreditNote = note.Number, Reason = why });
        await db.SaveChangesAsync(ct);

        // The invoice and its credit note cancel out on the client's account.
        var clientAccount = sale.Lines.First(l => l.AuxiliaryCode is not null).AccountId;
        await ledger.LetterAsync(note.LegalEntityId, sale.Lines.Concat(entry.Lines).Where(l => l.AccountId == clientAccount).Select(l => l.PostingId).ToList(), today, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(note.Id, actor, ct);
    }

    /// <summary>The 411 auxiliary account of a client in an entity's books, created on its first invoice.</summary>
    public static Task<AccountId> ClientAccountAsync(ILedgerApi ledger, LegalEntityId entity, ClientView client, CancellationToken ct) =>
        ledger.AuxiliaryAccountAsync(entity, ChartOfAccounts.Clients, "C" + client.Id.Value.ToString("N")[..10].ToUpperInvariant(), client.Name, "client", client.Id.Value, ct);

    private DateOnly Today => clock.Today();

    private async Task<(Invoice Invoice, ActivityView Activity)> LoadAsync(InvoiceId id, Actor actor, CancellationToken ct)
    {
        var invoice = await db.Set<Invoice>().Include(i => i.Lines).Include(i => i.Payments).AsSplitQuery().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(invoice.ActivityId, actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        return (invoice, activity);
    }

    private async Task<InvoiceView> IssueCoreAsync(Invoice invoice, Actor actor, CancellationToken ct)
    {
        var client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (client.Country == "FR" && client.IsBusiness && client.Siren is null)
        {
            throw new DomainException(InvoicingErrors.ClientIncomplete, "Le SIREN du client est obligatoire sur une facture à une entreprise ou association française : complétez le client.");
        }

        if (invoice.Lines.Count == 0)
        {
            throw new DomainException(InvoicingErrors.NoLines);
        }

        var today = Today;
        var totals = FreezeVat(invoice, client, today);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.LegalEntityId);
        await using var transaction = await db.Database.BeginOrJoinAsync(ct);
        invoice.Number = await NextNumberAsync(invoice.LegalEntityId, today, ct);
        invoice.IssueDate = today;
        invoice.DueDate = today.AddDays(invoice.PaymentTermsDays);
        invoice.NetCents = totals.Net.Cents;
        invoice.VatCents = totals.Vat.Cents;
        invoice.GrossCents = totals.Gross.Cents;
        invoice.PaymentReference = CreditorReference.For(invoice.Number);
        invoice.PartiesJson = InvoiceParties.Of(entity, client).ToJson();
        invoice.MarkIssued();
        invoice.IssuedAt = clock.GetUtcNow().UtcDateTime;
        invoice.IssuedBy = actor.Name;

        var clientAccount = await ClientAccountAsync(ledger, invoice.LegalEntityId, client, ct);
        var postings = new List<PostingLine>
        {
            new(clientAccount, Side.Debit, totals.Net, invoice.ActivityId, "Montant HT"),
            new(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.Services, ct), Side.Credit, totals.Net, invoice.ActivityId, "Prestation"),
        };
        if (!totals.Vat.IsZero)
        {
            postings.Insert(1, new PostingLine(clientAccount, Side.Debit, totals.Vat, null, "TVA"));
            postings.Add(new PostingLine(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.VatCollected, ct), Side.Credit, totals.Vat, null, "TVA collectée"));
        }

        var fee = await ledger.FeeAsync(invoice.LegalEntityId, invoice.ModuleCode, today, totals.Net, invoice.ActivityId, ct);
        postings.AddRange(fee.Lines);
        var sale = await ledger.PostAsync(new PostEntryRequest(
            invoice.LegalEntityId, "VT", today, $"Facture {invoice.Number} — {client.Name}", "invoice", invoice.Id.ToString(), $"invoice:{invoice.Id}:issued",
            postings, invoice.Number), actor, ct);
        invoice.SaleEntryId = sale.Id;
        audit.Record(actor, "invoicing.issued", "invoice", invoice.Id.ToString(), null,
            new { invoice.Number, invoice.NetCents, invoice.VatCents, invoice.GrossCents, FeeCents = fee.Total.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

    /// <summary>
    /// One continuous series per entity for invoices and credit notes (CGI ann. II art. 242 nonies A):
    /// "LNA-2026-000042", within the 35 characters and the characters BR-FR-01 allows. The counter
    /// never restarts; the year is there for the reader.
    /// </summary>
    /// <summary>
    /// Freezes on each line the VAT rule of its code in force on the issue date, the one the invoice
    /// keeps whatever the rules become, and checks it still fits the client (else the draft is saved again).
    /// </summary>
    private static InvoiceTotals FreezeVat(Invoice invoice, ClientView client, DateOnly today)
    {
        var imposed = VatRules.ImposedCode(VatRules.RegimeFor(client));
        var lines = invoice.Lines.Select(l => (Line: l, Rule: VatRules.All.FirstOrDefault(r => r.Code == l.VatCode && r.IsValidOn(today)))).ToList();
        if (lines.Any(l => l.Rule is null || (imposed is not null && l.Rule.Code != imposed) || (imposed is null && l.Rule.Category != "S")))
        {
            throw new DomainException(InvoicingErrors.NotDraft, "Le traitement de TVA des lignes ne correspond plus au client ou à la date : enregistrez de nouveau le brouillon.");
        }

        return InvoiceCalculator.Totals(lines.Select(l => (l.Line.Freeze(l.Rule!).NetCents, l.Rule!)));
    }

    private async Task<string> NextNumberAsync(LegalEntityId entity, DateOnly date, CancellationToken ct)
    {
        var code = (await entities.ListAsync(ct)).Single(e => e.Id == entity).Code;
        var next = await numbers.NextAsync($"invoice:{entity}", ct);
        return $"{code}-{date.Year}-{next:D6}";
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/issue", async (Guid id, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
                await issuing.IssueAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("IssueInvoice").WithSummary("Émettre (ou soumettre à validation au-delà du seuil)").ProducesProblems();
        invoices.MapPost("/{id:guid}/validate", async (Guid id, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
                await issuing.ValidateAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidateInvoice").WithSummary("Valider et émettre une facture en attente (chargé d'accompagnement, finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, CreditNoteInput input, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await issuing.CreditAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/invoices/{note.Id}", note);
            })
            .WithName("CreditInvoice").WithSummary("Annuler une facture émise par un avoir").ProducesProblems();
    }
}
