using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

/// <summary>A line of an invoice another module issues (its net already rounded to the cent), with the code of its VAT treatment.</summary>
public sealed record ExternalInvoiceLine(string Description, decimal Quantity, string Unit, decimal UnitPrice, string VatCode, Money Net);

/// <summary>
/// An invoice another module issued under its own number series (the contract-management invoices),
/// to be printed as Factur-X like the others; a credit note names the invoice it cancels.
/// </summary>
public sealed record ExternalInvoice(
    LegalEntityId Seller, InvoiceParty Buyer, string Number, DateOnly IssueDate, DateOnly DueDate, DateOnly ServiceFrom, DateOnly ServiceTo,
    IReadOnlyList<ExternalInvoiceLine> Lines, string PaymentReference, string? BuyerReference, string? CreditedNumber = null, DateOnly? CreditedIssueDate = null,
    string? CreditReason = null);

/// <summary>What the entity invoiced (excl. VAT, credit notes deducted) in a period (a year, a month), for one business module and office.</summary>
public sealed record InvoicedTotal(LegalEntityId Entity, string ModuleCode, OfficeId Office, DateRange Period, long NetCents);

/// <summary>
/// The money at risk in an office (or all) on a day: the invoices past their due date and not settled (how many, what
/// is still due on them incl. VAT), and the guarantee fund's exposure (what is still due on the invoices it covered).
/// </summary>
public sealed record ReceivablesAtRisk(int Late, Money LateRemaining, int Covered, Money GuaranteeExposure);

/// <summary>What other modules use of invoicing: the Factur-X document, the totals by EN 16931, the RF payment reference.</summary>
public interface IInvoicingApi
{
    /// <summary>The Factur-X PDF/A-3 (CII XML embedded, EN 16931 profile) of an invoice.</summary>
    Task<byte[]> FacturXAsync(ExternalInvoice invoice, CancellationToken ct = default);

    /// <summary>Net, VAT per rate and total as EN 16931 computes them for these lines.</summary>
    Money TotalWithVat(IReadOnlyList<ExternalInvoiceLine> lines);

    /// <summary>The ISO 11649 creditor reference (RF…) of an invoice number, by which bank statements are matched.</summary>
    string PaymentReference(string invoiceNumber);

    /// <summary>A line of sums advanced for the buyer and re-invoiced at cost (débours, outside the VAT base).</summary>
    ExternalInvoiceLine Disbursement(string description, Money amount);

    /// <summary>A service line at the standard French VAT rate.</summary>
    ExternalInvoiceLine StandardRated(string description, Money net);

    /// <summary>The standard French VAT rate on a date, as a fraction (0.20).</summary>
    decimal StandardVatRate(DateOnly on);

    /// <summary>Whether a VAT rate (per cent) of category S is a French rate in force on that date (the dated rates of <see cref="VatRules"/>).</summary>
    bool IsFrenchVatRate(decimal ratePercent, DateOnly on);

    /// <summary>
    /// Queues for the accredited platform a status the entity gives, as buyer, to a supplier's invoice (CDAR code
    /// 205 approuvée, 207 en litige, 210 refusée, 211 paiement transmis, with the reason), in the caller's unit of work.
    /// A status already queued for that invoice and code is not queued twice. Nothing is queued when no platform is configured.
    /// </summary>
    Task QueueSupplierStatusAsync(LegalEntityId entity, SupplierInvoiceReference invoice, int code, BuyerReason? reason, CancellationToken ct = default);

    /// <summary>The members' invoicing of each period by issue date, per entity, module and office (the annual report, an office's dashboard).</summary>
    Task<IReadOnlyList<InvoicedTotal>> InvoicedAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default);

    /// <summary>The clients invoiced in a period (an invoice issued to them, whatever became of it), in an entity and an office or all.</summary>
    Task<IReadOnlyList<ClientId>> InvoicedClientsAsync(DateRange period, LegalEntityId? entity, OfficeId? office, CancellationToken ct = default);

    /// <summary>The late invoices and the guarantee fund's exposure of an office (or all) on <paramref name="today"/>.</summary>
    Task<ReceivablesAtRisk> AtRiskAsync(OfficeId? office, DateOnly today, CancellationToken ct = default);
}

internal sealed class InvoicingApi(ILegalEntitiesApi entities, Platform.PlatformQueue queue, Microsoft.Extensions.Options.IOptions<InvoicingOptions> options, Persistence.PartageDbContext db) : IInvoicingApi
{
    public async Task<IReadOnlyList<InvoicedTotal>> InvoicedAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var totals = new List<InvoicedTotal>();
        foreach (var period in periods)
        {
            var (from, to) = (period.Start, period.End);
            // Every invoice that was issued (a number, an issue date), whatever became of it since; a credit note counts against its period.
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Invoice>().Where(i => i.IssueDate >= from && i.IssueDate <= to && i.Number != null && (office == null || i.OfficeId == office))
                    .GroupBy(i => new { i.LegalEntityId, i.ModuleCode, i.OfficeId, i.Kind })
                    .Select(g => new { g.Key.LegalEntityId, g.Key.ModuleCode, g.Key.OfficeId, g.Key.Kind, Net = g.Sum(i => i.NetCents) }), ct);
            totals.AddRange(rows.GroupBy(r => (r.LegalEntityId, r.ModuleCode, r.OfficeId))
                .Select(g => new InvoicedTotal(g.Key.LegalEntityId, g.Key.ModuleCode, g.Key.OfficeId, period, g.Sum(r => r.Kind == InvoiceKind.CreditNote ? -r.Net : r.Net))));
        }

        return totals;
    }

    public async Task<IReadOnlyList<ClientId>> InvoicedClientsAsync(DateRange period, LegalEntityId? entity, OfficeId? office, CancellationToken ct = default)
    {
        var (from, to) = (period.Start, period.End);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Invoice>().Where(i => i.Kind == InvoiceKind.Invoice && i.Number != null && i.IssueDate >= from && i.IssueDate <= to
                    && (entity == null || i.LegalEntityId == entity) && (office == null || i.OfficeId == office))
                .Select(i => i.ClientId).Distinct(), ct);
    }

    public async Task<ReceivablesAtRisk> AtRiskAsync(OfficeId? office, DateOnly today, CancellationToken ct = default)
    {
        var invoices = db.Set<Invoice>().Where(i => i.Kind == InvoiceKind.Invoice && (office == null || i.OfficeId == office));
        var late = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            invoices.Where(i => InvoiceStatuses.AwaitingPayment.Contains(i.Status) && i.DueDate < today).Select(i => i.GrossCents - i.Payments.Sum(p => p.AmountCents)), ct);
        var covered = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            from c in db.Set<GuaranteeCover>()
            join i in invoices on c.InvoiceId equals i.Id
            where c.Status == CoverStatus.Covered
            select i.GrossCents - i.Payments.Sum(p => p.AmountCents), ct);
        return new ReceivablesAtRisk(late.Count, Money.Eur(late.Sum()), covered.Count, Money.Eur(covered.Sum()));
    }

    public bool IsFrenchVatRate(decimal ratePercent, DateOnly on) => VatRules.All.Any(r => r.Category == "S" && r.RatePercent == ratePercent && r.IsValidOn(on));

    public async Task QueueSupplierStatusAsync(LegalEntityId entity, SupplierInvoiceReference invoice, int code, BuyerReason? reason, CancellationToken ct = default) =>
        await queue.QueueBuyerStatusAsync((await entities.ListAsync(ct)).Single(e => e.Id == entity), invoice, code, reason, ct);

    public async Task<byte[]> FacturXAsync(ExternalInvoice invoice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var seller = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.Seller);
        var lines = invoice.Lines.Select((l, i) => new FacturX.DocumentLine(i + 1, l.Description, l.Quantity, l.Unit, l.UnitPrice, Rule(l.VatCode, invoice.IssueDate), l.Net)).ToList();
        var parties = new InvoiceParties(
            new InvoiceParty(seller.Name, seller.LegalForm, seller.Siren, null, seller.VatNumber, seller.Street, null, seller.PostalCode, seller.City, seller.Country, seller.Siren, null),
            invoice.Buyer, BuyerIsBusiness: true);
        var document = new FacturX.InvoiceDocument(invoice.CreditedNumber is null ? InvoiceKind.Invoice : InvoiceKind.CreditNote, invoice.Number, invoice.IssueDate, invoice.DueDate,
            invoice.ServiceFrom, invoice.ServiceTo, parties, lines, InvoiceCalculator.Totals(lines.Select(l => (l.Net.Cents, l.Rule))), invoice.PaymentReference, invoice.BuyerReference,
            invoice.CreditedNumber is null ? null : invoice.CreditReason, invoice.CreditedNumber, invoice.CreditedIssueDate, options.Value);
        return FacturX.FacturXPdf.Write(document);
    }

    public Money TotalWithVat(IReadOnlyList<ExternalInvoiceLine> lines) =>
        InvoiceCalculator.Totals(lines.Select(l => (l.Net.Cents, Rule(l.VatCode, null)))).Gross;

    public string PaymentReference(string invoiceNumber) => CreditorReference.For(invoiceNumber);

    public ExternalInvoiceLine Disbursement(string description, Money amount) => new(description, 1, "C62", amount.Amount, VatRules.Disbursement, amount);

    public ExternalInvoiceLine StandardRated(string description, Money net) => new(description, 1, "C62", net.Amount, VatRules.Standard, net);

    public decimal StandardVatRate(DateOnly on) => Rule(VatRules.Standard, on).RatePercent / 100m;

    private static VatRule Rule(string code, DateOnly? on) =>
        VatRules.All.FirstOrDefault(r => r.Code == code && (on is not { } date || r.IsValidOn(date))) ?? throw new ArgumentException($"Unknown VAT treatment {code}.", nameof(code));
}

/// <summary>A receivable another module keeps (an employer invoice) that bank credits may pay.</summary>
public sealed record Receivable(Guid Id, string Number, string PaymentReference, Money Remaining);

/// <summary>
/// Receivables kept outside Invoicing (the Employers module's invoices) that an imported bank
/// statement may settle, by payment reference or number. The module that keeps them implements it;
/// Invoicing calls it while matching, in its own transaction, and never depends on that module.
/// </summary>
public interface IReceivableSource
{
    /// <summary>The entity's receivables not yet paid in full.</summary>
    Task<IReadOnlyList<Receivable>> OpenAsync(LegalEntityId entity, CancellationToken ct = default);

    /// <summary>
    /// A payment received: <paramref name="from"/> (the bank, or the suspense account when finance
    /// matches a waiting receipt) debited, the debtor's 411 credited. Runs in the caller's transaction.
    /// </summary>
    Task SettleAsync(Guid receivable, Money amount, DateOnly on, string from, string label, Actor actor, CancellationToken ct = default);
}
