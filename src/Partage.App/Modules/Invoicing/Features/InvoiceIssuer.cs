using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// What issuing, validating and crediting share: the invoice as its reader may change it, the number
/// in the entity's continuous series, and the issue itself — the frozen parties and figures, the
/// sale posted to the ledger with the cooperative's fee, all in one transaction.
/// </summary>
public sealed class InvoiceIssuer(
    PartageDbContext db, NumberSeries numbers, ILedgerApi ledger, IActivitiesApi activities, IClientsApi clients,
    ILegalEntitiesApi entities, INotificationsApi notifications, IAuditLog audit, GetInvoice views, PlatformQueue platform, TimeProvider clock)
{
    /// <summary>The 411 auxiliary account of a client in an entity's books, created on its first invoice.</summary>
    public static Task<AccountId> ClientAccountAsync(ILedgerApi ledger, LegalEntityId entity, ClientView client, CancellationToken ct) =>
        ledger.AuxiliaryAccountAsync(entity, ChartOfAccounts.Clients, "C" + client.Id.Value.ToString("N")[..10].ToUpperInvariant(), client.Name, "client", client.Id.Value, ct);

    /// <summary>The invoice, tracked, with the activity it is for, if the actor may see both (else 404).</summary>
    public async Task<(Invoice Invoice, ActivityView Activity)> LoadAsync(InvoiceId id, Actor actor, CancellationToken ct)
    {
        var invoice = await db.Set<Invoice>().Include(i => i.Lines).Include(i => i.Payments).AsSplitQuery().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        var activity = await activities.FindVisibleAsync(invoice.ActivityId, actor, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        return (invoice, activity);
    }

    /// <summary>A draft the actor may change (tracked, with its lines) and its activity: else 404, or 409 once issued.</summary>
    public async Task<(Invoice Invoice, ActivityView Activity)> EditableDraftAsync(InvoiceId id, Actor actor, CancellationToken ct)
    {
        var (invoice, activity) = await LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanEdit(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        return invoice.Status == InvoiceStatus.Draft ? (invoice, activity) : throw new DomainException(InvoicingErrors.NotDraft);
    }

    /// <summary>Issues a draft or a validated invoice: number, frozen parties and VAT, sale entry, audit.</summary>
    public async Task<InvoiceView> IssueAsync(Invoice invoice, Actor actor, CancellationToken ct)
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

        var today = clock.Today();
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
        platform.QueueInvoice(invoice, client);
        audit.Record(actor, "invoicing.issued", "invoice", invoice.Id.ToString(), null,
            new { invoice.Number, invoice.NetCents, invoice.VatCents, invoice.GrossCents, FeeCents = fee.Total.Cents });

        // Told when someone else issued it for them (a manager's validation); not when the member issued it themselves.
        await notifications.NotifyMemberAsync(invoice.MemberId, NoticeKind.InvoiceValidated,
            $"Votre facture {invoice.Number} ({totals.Gross.ToDisplayString()} TTC, {client.Name}) est validée et émise", $"/factures/{invoice.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

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

    /// <summary>
    /// One continuous series per entity for invoices and credit notes (CGI ann. II art. 242 nonies A):
    /// "LNA-2026-000042", within the 35 characters and the characters BR-FR-01 allows. The counter
    /// never restarts; the year is there for the reader.
    /// </summary>
    public async Task<string> NextNumberAsync(LegalEntityId entity, DateOnly date, CancellationToken ct)
    {
        var code = (await entities.ListAsync(ct)).Single(e => e.Id == entity).Code;
        var next = await numbers.NextAsync($"invoice:{entity}", ct);
        return $"{code}-{date.Year}-{next:D6}";
    }
}
