using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Invoicing;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>An employer invoice's number in its series and its Factur-X document, printed from its frozen figures by Invoicing.</summary>
public sealed class EmployerInvoiceDocuments(PartageDbContext db, IInvoicingApi invoicing, NumberSeries numbers)
{
    /// <summary>Invoices and credit notes share one continuous series per entity.</summary>
    internal async Task<string> NextNumberAsync(string entityCode, DateOnly today, CancellationToken ct) =>
        $"{entityCode}-GC-{today.Year}-{await numbers.NextAsync($"employer-invoice:{entityCode}", ct):D6}";

    /// <summary>The invoice as Factur-X (PDF/A-3 with its CII XML); a credit note names the invoice it cancels.</summary>
    internal async Task<byte[]> FacturXAsync(EmployerInvoice invoice, LegalEntityId seller, CancellationToken ct)
    {
        var month = DateOnly.ParseExact(invoice.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var credited = invoice.CreditedInvoiceId is { } id
            ? await db.Set<EmployerInvoice>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Number, i.IssueDate }).SingleAsync(ct)
            : null;
        return await invoicing.FacturXAsync(new ExternalInvoice(seller, JsonSerializer.Deserialize<InvoiceParty>(invoice.BuyerJson)!, invoice.Number, invoice.IssueDate,
            invoice.DueDate, month, month.AddMonths(1).AddDays(-1), Lines(invoice), invoice.PaymentReference, $"Paie {invoice.Period}", credited?.Number, credited?.IssueDate,
            invoice.CreditReason), ct);
    }

    /// <summary>The lines printed: the advances at cost (débours), then the fee at the standard VAT rate (a service of the cooperative).</summary>
    internal IReadOnlyList<ExternalInvoiceLine> Lines(EmployerInvoice invoice)
    {
        var lines = new List<ExternalInvoiceLine>();
        void AtCost(string text, long cents)
        {
            if (cents > 0)
            {
                lines.Add(invoicing.Disbursement(text, Money.Eur(cents)));
            }
        }

        AtCost($"Salaires nets versés pour votre compte — paie {invoice.Period}", invoice.NetWagesCents);
        AtCost($"Cotisations sociales et prélèvement à la source avancés — paie {invoice.Period}", invoice.ContributionsCents);
        AtCost($"Frais avancés (repas, hébergement) — paie {invoice.Period}", invoice.AllowancesCents);
        lines.Add(invoicing.StandardRated(
            $"Frais de gestion {invoice.FeeRatePercent.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} % HT de la masse salariale brute de {Money.Eur(invoice.GrossPayrollCents).ToDisplayString()}",
            Money.Eur(invoice.FeeCents)));
        return lines;
    }
}
