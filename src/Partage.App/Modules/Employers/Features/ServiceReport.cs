using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>A row of a breakdown: a label, how many, and its share of the whole in percent (rounded to the unit).</summary>
public sealed record ShareRow(string Label, int Count, decimal Percent);

public sealed record AmountRow(string Label, Money Amount);

/// <summary>
/// The contract-management pages of the annual report, from the platform's own data: the service's
/// revenue by year and by office (invoiced excl. VAT: advances and fees), and the employers registered at
/// the year's end (today for the current year) by legal form, sector, mandate type in force, active or not, and office.
/// </summary>
public sealed record ServiceReportView(
    int Year, IReadOnlyList<AmountRow> RevenueByYear, IReadOnlyList<AmountRow> RevenueByOffice, IReadOnlyList<AmountRow> FeesByYear,
    IReadOnlyList<ShareRow> ByLegalForm, IReadOnlyList<ShareRow> BySector, IReadOnlyList<ShareRow> ByMandate, IReadOnlyList<ShareRow> ByStatus, IReadOnlyList<ShareRow> ByOffice);

public sealed class ServiceReport(PartageDbContext db, IOfficesApi offices, TimeProvider clock) : IContractManagementFigures
{
    // The caller (the annual report) has checked its reader's right to the figures.
    public Task<ServiceReportView> YearAsync(int year, CancellationToken ct = default) => ForYearAsync(year, Actor.System, ct);

    public async Task<ServiceReportView> ForYearAsync(int? year, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsCooperativeStaff)
        {
            throw new DomainException(EmployersErrors.NotFound);
        }

        var wanted = year ?? clock.Today().Year;
        // A credit note takes its invoice's revenue back, in the year it is issued.
        var invoices = (await db.Set<EmployerInvoice>().AsNoTracking()
            .Join(db.Set<Employer>(), i => i.EmployerId, e => e.Id, (i, e) => new { i.IssueDate, i.Kind, i.TotalCents, i.VatCents, i.FeeCents, e.OfficeId }).ToListAsync(ct))
            .Select(i => i.Kind == EmployerInvoiceKind.CreditNote ? i with { TotalCents = -i.TotalCents, VatCents = -i.VatCents, FeeCents = -i.FeeCents } : i).ToList();
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var byYear = invoices.GroupBy(i => i.IssueDate.Year).OrderBy(g => g.Key)
            .Select(g => new AmountRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Money.Eur(g.Sum(i => i.TotalCents - i.VatCents)))).ToList();
        var fees = invoices.GroupBy(i => i.IssueDate.Year).OrderBy(g => g.Key)
            .Select(g => new AmountRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Money.Eur(g.Sum(i => i.FeeCents)))).ToList();
        var byOffice = invoices.Where(i => i.IssueDate.Year == wanted).GroupBy(i => i.OfficeId)
            .Select(g => new AmountRow(officeNames.GetValueOrDefault(g.Key, "?"), Money.Eur(g.Sum(i => i.TotalCents - i.VatCents)))).OrderByDescending(r => r.Amount.Cents).ToList();

        // The employers registered by the year's end (today for this year), and the mandates in force then; their form,
        // sector and status as recorded today (the module keeps no history of them).
        var today = clock.Today();
        var at = today.Year <= wanted ? today : new DateOnly(wanted, 12, 31);
        var registeredBy = ParisTime.UtcStartOf(at.AddDays(1));
        var employers = await db.Set<Employer>().AsNoTracking().Where(e => e.CreatedAt < registeredBy).Select(e => new { e.Id, e.LegalForm, e.Sector, e.Status, e.OfficeId }).ToListAsync(ct);
        var mandates = (await db.Set<Mandate>().AsNoTracking().Where(m => m.SignedOn <= at).ToListAsync(ct)).GroupBy(m => m.EmployerId)
            .Select(g => g.OrderBy(m => m.SignedOn).Last()).Where(m => m.TerminatedOn is not { } last || last >= at).ToList();
        return new ServiceReportView(wanted, byYear, byOffice, fees,
            Shares(employers.Select(e => Labels.LegalForm(e.LegalForm))), Shares(employers.Select(e => Labels.Sector(e.Sector))),
            Shares(mandates.Select(m => Labels.Mandate(m.Kind))), Shares(employers.Select(e => e.Status == EmployerStatus.Active ? "actifs" : "inactifs")),
            Shares(employers.Select(e => officeNames.GetValueOrDefault(e.OfficeId, "?"))));
    }

    private static IReadOnlyList<ShareRow> Shares(IEnumerable<string> labels)
    {
        var counts = labels.GroupBy(l => l).Select(g => (Label: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        var total = counts.Sum(c => c.Count);
        return counts.Select(c => new ShareRow(c.Label, c.Count, Rounding.ToDecimals(100m * c.Count / total, 0))).ToList();
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/report", async (int? year, ServiceReport report, ActorAccessor actors, CancellationToken ct) => await report.ForYearAsync(year, await actors.GetAsync(ct), ct))
            .WithName("ContractManagementReport").WithSummary("Le rapport du service : chiffre d'affaires par année et par bureau, employeurs par forme, secteur, mandat, actifs (personnel de la coopérative)").ProducesProblems();
    }
}
