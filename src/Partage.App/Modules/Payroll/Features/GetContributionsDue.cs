using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>What a body is owed for a period: the employee and employer shares (the URSSAF employer share after the general reduction).</summary>
public sealed record ContributionDue(string Body, Money Employee, Money Employer, Money Total);

/// <summary>
/// The contributions due to each body (URSSAF, France Travail, pension, holiday fund, Afdas) for the
/// validated payslips of a range of months, for payroll staff: the figures they pay and reconcile.
/// </summary>
public sealed class GetContributionsDue(PartageDbContext db)
{
    /// <summary>Contributions due per body for the payslips of the months <paramref name="from"/> to <paramref name="to"/> (validated or paid).</summary>
    public async Task<IReadOnlyList<ContributionDue>> HandleAsync(string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var v = new Validation();
        v.Month("from", "Le premier mois", from, required: true);
        v.Month("to", "Le dernier mois", to, required: true);

        v.ThrowIfInvalid();
        var rows = await db.Set<Payslip>().AsNoTracking()
            .Where(p => p.Status != PayslipStatus.Computed && string.Compare(p.Period, from) >= 0 && string.Compare(p.Period, to) <= 0)
            .Join(db.Set<Job>(), p => p.JobId, j => j.Id, (p, j) => new { p.ResultJson, p.Figures.ReductionsCents, j.Kind })
            .ToListAsync(ct);
        var sums = new Dictionary<string, (decimal Employee, decimal Employer)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var result = JsonSerializer.Deserialize<PayrollResult>(row.ResultJson, PayrollJson.Options)!;
            foreach (var line in result.Lines)
            {
                var body = ContributionBodies.Of(line.Code, row.Kind != EmployeeKind.RegimeGeneral);
                var (employee, employer) = sums.GetValueOrDefault(body);
                sums[body] = (employee + line.EmployeeAmount, employer + line.EmployerAmount);
            }

            var (e, r) = sums.GetValueOrDefault(ContributionBodies.Urssaf);
            sums[ContributionBodies.Urssaf] = (e, r - (row.ReductionsCents / 100m));
        }

        return sums.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ContributionDue(s.Key, Money.Eur(Rounding.ToCents(s.Value.Employee)), Money.Eur(Rounding.ToCents(s.Value.Employer)), Money.Eur(Rounding.ToCents(s.Value.Employee + s.Value.Employer)))).ToList();
    }

    /// <summary>The same summary as CSV (semicolons, UTF-8 with BOM for French spreadsheets).</summary>
    public async Task<byte[]> CsvAsync(string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        var rows = await HandleAsync(from, to, actor, ct);
        using var output = new MemoryStream();
        await SpreadsheetCsv.WriteAsync(output, ["organisme", "part_salariale", "part_patronale", "total"],
            rows.Select(row => (IReadOnlyList<string?>)[row.Body, SpreadsheetCsv.Amount(row.Employee), SpreadsheetCsv.Amount(row.Employer), SpreadsheetCsv.Amount(row.Total)]), ct);
        return output.ToArray();
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/contributions", async (string? from, string? to, GetContributionsDue handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(from, to, await actors.GetAsync(ct), ct))
            .WithName("ContributionsDue").WithSummary("Cotisations dues par organisme sur une période (mois AAAA-MM)").ProducesProblems();
        staff.MapGet("/contributions.csv", async (string? from, string? to, GetContributionsDue handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.File(await handler.CsvAsync(from, to, await actors.GetAsync(ct), ct), "text/csv; charset=utf-8", $"cotisations-{from}-{to}.csv"))
            .WithName("ContributionsDueCsv").WithSummary("Les mêmes en CSV").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }
}
