using System.Globalization;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Reporting.Features;

/// <summary>
/// One figure of the dashboard: the month's, the year's so far (1 January to the month's end), the same a year before,
/// and the progressions computed as the annual report computes them. Members registered are a count at the period's end.
/// </summary>
public sealed record DashboardFigure(
    string Code, string Label, FigureKind Kind, decimal Month, decimal MonthLastYear, decimal? MonthProgression, decimal YearToDate, decimal YearToDateLastYear, decimal? YearProgression);

/// <summary>A month of the year so far, for the charts and the tables beside them.</summary>
public sealed record DashboardMonth(int Month, string Label, decimal Invoiced, decimal InvoicedLastYear, int Registered, int Joined, int Jobs, decimal Gross);

/// <summary>An office's (or the group's) month and year so far, and the money at risk today.</summary>
public sealed record OfficeDashboard(
    int Year, int Month, OfficeId? Office, string Scope, DateOnly Today, IReadOnlyList<DashboardFigure> Figures, IReadOnlyList<DashboardMonth> Months, ReceivablesAtRisk AtRisk);

/// <summary>
/// The office's dashboard for a month: invoicing, members, jobs and payroll of the month and of the year so far, each
/// beside the same period a year before; the late invoices and the guarantee fund's exposure today. Read through the
/// modules' contracts. A manager gets their office's, staff any office's or the group's (no office).
/// </summary>
public sealed class GetOfficeDashboard(IInvoicingApi invoicing, IMembersApi members, IPayrollApi payroll, IOfficesApi offices, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<OfficeDashboard> HandleAsync(string? month, OfficeId? askedOffice, Actor actor, CancellationToken ct = default)
    {
        var office = ReportingAccess.OfficeOf(actor, askedOffice);
        var today = clock.Today();
        var (year, number) = (today.Year, today.Month);
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year is < 1901 or > 2100)
            {
                throw new InputValidationException(new Dictionary<string, string[]> { ["month"] = ["Le mois s'écrit AAAA-MM, par exemple 2026-12, d'une année de 1901 à 2100."] });
            }

            (year, number) = (first.Year, first.Month);
        }

        var officeView = office is { } o ? await offices.FindOfficeAsync(o, ct) ?? throw new InputValidationException(new Dictionary<string, string[]> { ["office"] = ["Ce bureau n'existe pas."] }) : null;

        // Each month of the year so far, then the same months a year before: one list of periods for each contract.
        var periods = Enumerable.Range(1, number).Select(m => Month(year, m)).Concat(Enumerable.Range(1, number).Select(m => Month(year - 1, m))).ToList();
        var invoiced = (await invoicing.InvoicedAsync(periods, office, ct)).GroupBy(t => t.Period).ToDictionary(g => g.Key, g => g.Sum(t => t.NetCents) / 100m);
        var membership = (await members.MembershipAsync(periods, office, ct)).ToDictionary(c => c.Period);
        var pay = (await payroll.PayrollAsync(periods, office, ct)).ToDictionary(p => p.Period);
        var atRisk = await invoicing.AtRiskAsync(office, today, ct);

        var months = Enumerable.Range(1, number).Select(m =>
        {
            var (now, before) = (Month(year, m), Month(year - 1, m));
            return new DashboardMonth(m, now.Start.ToString("MMM", French), invoiced.GetValueOrDefault(now), invoiced.GetValueOrDefault(before),
                membership[now].Registered, membership[now].Joined, pay[now].Jobs, pay[now].GrossCents / 100m);
        }).ToList();

        DashboardFigure Figure(string code, string label, FigureKind kind, Func<DateRange, decimal> of, bool atPeriodEnd = false)
        {
            var (now, before) = (of(Month(year, number)), of(Month(year - 1, number)));
            var (sum, sumBefore) = atPeriodEnd ? (now, before)
                : (Enumerable.Range(1, number).Sum(m => of(Month(year, m))), Enumerable.Range(1, number).Sum(m => of(Month(year - 1, m))));
            return new DashboardFigure(code, label, kind, now, before, ReportFigures.Progression(now, before), sum, sumBefore, ReportFigures.Progression(sum, sumBefore));
        }

        IReadOnlyList<DashboardFigure> figures =
        [
            Figure("invoiced", "Facturation HT", FigureKind.Amount, p => invoiced.GetValueOrDefault(p)),
            Figure("joined", "Nouveaux membres", FigureKind.Count, p => membership[p].Joined),
            Figure("registered", "Membres inscrits (fin de période)", FigureKind.Count, p => membership[p].Registered, atPeriodEnd: true),
            Figure("jobs", "Contrats de travail commençant", FigureKind.Count, p => pay[p].Jobs),
            Figure("gross", "Masse salariale brute (bulletins)", FigureKind.Amount, p => pay[p].GrossCents / 100m),
        ];
        return new OfficeDashboard(year, number, office, officeView?.Name ?? "Groupe", today, figures, months, atRisk);
    }

    private static DateRange Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static void Map(RouteGroupBuilder reporting) =>
        reporting.MapGet("/reports/office-dashboard", async (string? month, Guid? office, GetOfficeDashboard handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(month, office is { } o ? OfficeId.From(o) : null, await actors.GetAsync(ct), ct)))
            .WithName("GetOfficeDashboard")
            .WithSummary("Le tableau de bord d'un bureau : le mois et l'année en cours (facturation, membres, contrats, paie), le retard et l'exposition du fonds de garantie (personnel ; un gestionnaire, son bureau)")
            .ProducesProblems();
}
