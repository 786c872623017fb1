using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A month's e-reporting of an entity: the two files, what they hold, and whether they wait for the platform.</summary>
public sealed record EReportFiles(
    string TransactionsName, byte[] TransactionsFile, string PaymentsName, byte[] PaymentsFile, int Invoices, int Days, int Collections, bool Queued)
{
    public string Summary =>
        $"{Invoices} ventes internationales, {Days} journées de ventes aux particuliers, {Collections} encaissements déclarés" +
        (Queued ? " ; mis en file pour la plateforme agréée." : ".");
}

/// <summary>
/// The e-reporting of an entity for a month (CGI art. 290 and 290 A): what the platform does not see
/// through e-invoicing. Transactions: the sales to businesses established abroad one by one, the
/// sales to private persons aggregated per day and category. Payments: the amounts collected in the
/// month on those sales when French VAT was charged (services: VAT due on receipt); a French business's
/// payments go back as the status "encaissée" instead. With a platform configured, the two files
/// are queued for it (syntax FRR, once per entity and month). `partage einvoicing ereport`.
/// </summary>
public sealed class BuildEReport(
    PartageDbContext db, ILegalEntitiesApi entities, IClientsApi clients, IAuditLog audit, IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public async Task<EReportFiles> HandleAsync(string? entityCode, string? month, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var v = new Validation();
        var entity = await EntityInput.FindAsync(entities, entityCode, v, ct);

        var period = v.Month("Month", "Le mois", month, required: true);
        v.ThrowIfInvalid();
        var files = await BuildAsync(entity!, period!.Value, ct);
        var queued = false;
        if (options.Value.Enabled)
        {
            Queue(entity!, period.Value, "T");
            Queue(entity!, period.Value, "P");
            queued = true;
            audit.Record(actor, "einvoicing.ereport_queued", "legal_entity", entity!.Id.ToString(), null, new { Month = month, files.Invoices, files.Days, files.Collections });
            await db.SaveChangesAsync(ct);
        }

        return files with { Queued = queued };
    }

    public static string TrackingId(string entityCode, PayPeriod month, string part) => $"EREPORT-{entityCode}-{month.Year:D4}-{month.Month:D2}-{part}";

    /// <summary>The two files of the month, as they stand (a platform flow rebuilds them when it goes out).</summary>
    public async Task<EReportFiles> BuildAsync(LegalEntityView entity, PayPeriod month, CancellationToken ct)
    {
        var (from, to) = (month.Start, month.End);
        var sold = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines)
            .Where(i => i.LegalEntityId == entity.Id && i.Number != null && i.IssueDate >= from && i.IssueDate <= to && i.PartiesJson != null)
            .OrderBy(i => i.Number).ToListAsync(ct);
        var known = new Dictionary<ClientId, ClientView>();
        var international = new List<ReportedInvoice>();
        var persons = new List<(Invoice Invoice, IReadOnlyList<ReportedRate> Rates)>();
        foreach (var invoice in sold)
        {
            var parties = InvoiceParties.FromJson(invoice.PartiesJson!);
            if (parties.BuyerIsBusiness && parties.Buyer.Country == "FR")
            {
                continue;   // e-invoiced: the platform has it
            }

            var rates = RatesOf(invoice);
            if (!parties.BuyerIsBusiness)
            {
                persons.Add((invoice, rates));
                continue;
            }

            if (!known.TryGetValue(invoice.ClientId, out var client))
            {
                known[invoice.ClientId] = client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new InvalidOperationException("An invoice without its client.");
            }

            international.Add(await InternationalAsync(invoice, parties, client, rates, ct));
        }

        var days = persons.GroupBy(p => p.Invoice.IssueDate!.Value).OrderBy(g => g.Key).SelectMany(Daily).ToList();
        var payments = await PaymentsAsync(entity, from, to, ct);
        var header = new EReportHeader(string.Empty, entity.Siren, entity.Name, entity.VatNumber, options.Value.PlatformRegistration, from, to, clock.GetUtcNow());
        var t = TrackingId(entity.Code, month, "T");
        var p = TrackingId(entity.Code, month, "P");
        return new EReportFiles(
            $"{t}.xml", EReport.Transactions(header with { ReportId = t }, international, days),
            $"{p}.xml", EReport.Payments(header with { ReportId = p }, payments),
            international.Count, days.Count, payments.Count, Queued: false);
    }

    private static List<ReportedRate> RatesOf(Invoice invoice)
    {
        var sign = invoice.Kind == InvoiceKind.CreditNote ? -1 : 1;
        return InvoiceCalculator.Totals(invoice.Lines.Select(l => (l.NetCents, l.Vat))).Breakdown
            .Select(b => new ReportedRate(b.Category, b.RatePercent, Money.Eur(sign * b.Basis.Cents), Money.Eur(sign * b.Vat.Cents))).ToList();
    }

    /// <summary>One day's sales to private persons, one aggregate per transactions category (taxed services, not taxed).</summary>
    private static IEnumerable<DailySales> Daily(IGrouping<DateOnly, (Invoice Invoice, IReadOnlyList<ReportedRate> Rates)> day) =>
        day.SelectMany(p => p.Rates.Select(r => (p.Invoice.Id, Rate: r)))
            .GroupBy(x => EReport.CategoryOf(x.Rate.Category))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var rates = g.GroupBy(x => x.Rate.RatePercent).OrderBy(r => r.Key)
                    .Select(r => new ReportedRate(g.Key, r.Key, Money.Eur(r.Sum(x => x.Rate.Basis.Cents)), Money.Eur(r.Sum(x => x.Rate.Vat.Cents)))).ToList();
                return new DailySales(day.Key, g.Key, g.Select(x => x.Id).Distinct().Count(),
                    Money.Eur(rates.Sum(r => r.Basis.Cents)), Money.Eur(rates.Sum(r => r.Vat.Cents)), rates);
            });

    private async Task<ReportedInvoice> InternationalAsync(Invoice invoice, InvoiceParties parties, ClientView client, IReadOnlyList<ReportedRate> rates, CancellationToken ct)
    {
        var credited = invoice.CreditedInvoiceId is { } id
            ? await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Number, i.IssueDate }).SingleAsync(ct)
            : null;
        // The buyer's identifier: its VAT number, else its registration number, else its number in Partage (no other is known).
        var buyerId = Text.Cut(client.VatNumber ?? client.Siret ?? client.Siren ?? "PARTAGE" + client.Id.Value.ToString("N")[..11].ToUpperInvariant(), 18);
        return new ReportedInvoice(
            invoice.Number!, invoice.IssueDate!.Value, invoice.DueDate!.Value, invoice.Kind == InvoiceKind.CreditNote, credited?.Number, credited?.IssueDate,
            parties.Buyer.Country, buyerId, client.IsInEuropeanUnion, client.VatNumber,
            Money.Eur(rates.Sum(r => r.Basis.Cents)), Money.Eur(rates.Sum(r => r.Vat.Cents)), rates);
    }

    /// <summary>The month's payments on invoices outside e-invoicing that charged French VAT, each split over the invoice's rates like the status 212.</summary>
    private async Task<List<ReportedPayment>> PaymentsAsync(LegalEntityView entity, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var paid = await db.Set<InvoicePayment>().AsNoTracking()
            .Join(db.Set<Invoice>().Include(i => i.Lines), p => p.InvoiceId, i => i.Id, (p, i) => new { Payment = p, Invoice = i })
            .Where(x => x.Invoice.LegalEntityId == entity.Id && x.Payment.Date >= from && x.Payment.Date <= to && x.Invoice.VatCents > 0 && x.Invoice.Kind == InvoiceKind.Invoice)
            .OrderBy(x => x.Payment.Date).ThenBy(x => x.Invoice.Number).ToListAsync(ct);
        var reported = new List<ReportedPayment>();
        foreach (var x in paid)
        {
            var parties = InvoiceParties.FromJson(x.Invoice.PartiesJson!);
            if (parties.BuyerIsBusiness && parties.Buyer.Country == "FR")
            {
                continue;   // reported by the status "encaissée" of the e-invoice
            }

            var rates = RatesOf(x.Invoice);
            var shares = Money.Eur(x.Payment.AmountCents).Allocate([.. rates.Select(r => (decimal)(r.Basis + r.Vat).Cents)]);
            reported.Add(new ReportedPayment(x.Invoice.Number!, x.Invoice.IssueDate!.Value, x.Payment.Date, [.. rates.Select((r, i) => (r.RatePercent, shares[i]))]));
        }

        return reported;
    }

    private void Queue(LegalEntityView entity, PayPeriod month, string part)
    {
        var tracking = TrackingId(entity.Code, month, part);
        if (db.Set<PlatformFlow>().Any(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.Out && f.TrackingId == tracking))
        {
            return;   // already queued or sent for that month: a correction (TypeCode RE) is not built yet
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PlatformFlow
        {
            LegalEntityId = entity.Id, Direction = FlowDirection.Out, Kind = PlatformFlowKind.EReport, TrackingId = tracking, StatusDate = month.Start,
            State = PlatformFlowState.Queued, QueuedAt = now, NextAttemptAt = now,
        });
    }
}
