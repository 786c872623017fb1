using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// The monthly DSN of an entity for its members: an artist, a technician and a régime général job of
/// December 2026 declared from their validated payslips, its totals equal to the payslips' and the
/// ledger's. The class's clock only moves forward.
/// </summary>
public abstract class EntityDsnTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task DsnOfTheMonth_EveryValidatedPayslip_TotalsEqualThePayslipsAndTheLedger()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var artist = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 2), days: 2, gross: "600"));
        var technician = await Hiring.CountersignedAsync(factory, Hiring.Technician(world.LilleActivity, new DateOnly(2026, 12, 7), "10", "250"));
        var trainer = await Hiring.CountersignedAsync(factory, new JobInput(world.LilleActivity.ToString(), "regime_general", false, "consultant_trainer", "Formation à la régie",
            "Lille", "2026-12-08", "2026-12-09", "14", null, "420", "Accroissement temporaire d'activité", null));
        var payroll = await factory.ActorAsync(World.Payroll);

        factory.Clock.Advance(TimeSpan.FromDays(14));   // 2026-12-10: every service has ended
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System));
        var waiting = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetEntityDsn>().HandleAsync("LNA", "2026-12", false, payroll)));
        Assert.Equal(PayrollErrors.DsnNotReady, waiting.Error);
        Assert.Contains("ne sont pas encore validés", waiting.Message, StringComparison.Ordinal);

        Task<Money> Balance(string account) => factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(Lna, account));
        var (wagesBefore, netBefore) = (await Balance("641"), await Balance("421"));
        var mine = new[] { artist.Id, technician.Id, trainer.Id };
        var payslips = new List<PayslipView>();
        foreach (var computed in (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().HandleAsync("Computed", new App.Infrastructure.PageRequest(1, 200), payroll))).Items)
        {
            var validated = await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(computed.Id, payroll));
            if (mine.Contains(validated.JobId))
            {
                payslips.Add(validated);
            }
        }

        Assert.Equal(3, payslips.Count);
        using var staff = await factory.ClientForAsync(World.Payroll);

        // The trainer's régime général CDD ends in the month: 420 € of pay, 10 % for its precariousness (42.00, L1243-8) and the tenth
        // of 462 € for the paid leave (46.20, L1242-16), on the payslip, its PDF and the DSN.
        var trainerSlip = payslips.Single(p => p.JobId == trainer.Id);
        Assert.Equal(50_820, trainerSlip.Gross.Cents);
        var pdfText = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(await staff.GetByteArrayAsync($"/api/v1/payslips/{trainerSlip.Id}/pdf"), layout: true), @"\s+", " ");
        Assert.Contains("Salaire de base 420,00", pdfText, StringComparison.Ordinal);
        Assert.Contains("Indemnité de fin de contrat (art. L1243-8) 42,00", pdfText, StringComparison.Ordinal);
        Assert.Contains("Indemnité compensatrice de congés payés 46,20 € (art. L1242-16)", pdfText, StringComparison.Ordinal);   // its label wrapped in its column, never cut
        Assert.Contains("Salaire brut 508,20", pdfText, StringComparison.Ordinal);
        var response = await staff.GetAsync("/api/v1/payroll/dsn?entity=LNA&month=2026-12&test=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("iso-8859-1", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var path = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"dsn-lna-2026-12-{factory.Provider}.dsn");
        await File.WriteAllBytesAsync(path, bytes);
        var problems = DsnChecker.Check(bytes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => (Rubric: l[..14], Value: l[16..^1])).ToList();
        string One(string rubric) => lines.Single(l => l.Rubric == rubric).Value;
        decimal Sum(string rubric, IEnumerable<(string Rubric, string Value)> within) =>
            within.Where(l => l.Rubric == rubric).Sum(l => decimal.Parse(l.Value, CultureInfo.InvariantCulture));

        Assert.Equal(("01", "01122026", "paie-lna@partage.test", "923AB"), (One("S10.G00.00.005"), One("S20.G00.05.005"), One("S10.G00.02.004"), lines.First(l => l.Rubric == "S21.G00.40.040").Value));
        Assert.Equal(lines.Count.ToString(CultureInfo.InvariantCulture), One("S90.G00.90.001"));
        var indemnities = lines.Select((l, i) => (l, i)).Where(x => x.l.Rubric == "S21.G00.52.001").Select(x => (x.l.Value, lines[x.i + 1].Value, lines[x.i + 4].Value)).ToList();
        Assert.Equal([("011", "42.00", trainer.Number), ("020", "46.20", trainer.Number)], indemnities);
        foreach (var (job, pcs, reason) in new[] { (artist, "354b", "05"), (technician, "637c", "05"), (trainer, "423b", "02") })
        {
            var at = lines.IndexOf((Rubric: "S21.G00.40.009", Value: job.Number));
            Assert.True(at > 0, job.Number);
            var contract = lines.Skip(at - 8).TakeWhile((l, i) => i < 9 || l.Rubric[..10] == "S21.G00.40").ToList();
            Assert.Contains((Rubric: "S21.G00.40.004", Value: pcs), contract);
            Assert.Contains((Rubric: "S21.G00.40.021", Value: reason), contract);
        }

        // The file's totals are the payslips' (every LNA payslip of the month, this test's included) and the ledger's payroll entries.
        var month = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Payslip>().AsNoTracking()
            .Where(p => p.LegalEntityId == Lna && p.Period == "2026-12").ToListAsync());
        Assert.Equal(month.Sum(p => p.Figures.NetPaidCents), Rounding.ToCents(Sum("S21.G00.50.004", lines)));
        Assert.Equal(month.Sum(p => p.Figures.TaxCents), Rounding.ToCents(Sum("S21.G00.50.009", lines)));
        Assert.Equal(month.Sum(p => p.Figures.GrossCents), Rounding.ToCents(lines.Where((l, i) => l.Rubric == "S21.G00.51.013" && lines[i - 1] is { Rubric: "S21.G00.51.011", Value: "001" })
            .Sum(l => decimal.Parse(l.Value, CultureInfo.InvariantCulture))));
        var declared = month.Sum(p =>
        {
            var result = JsonSerializer.Deserialize<PayrollResult>(p.ResultJson, PayrollJson.Options)!;
            return result.TotalEmployee + result.TotalEmployer - result.TotalReductions - result.Lines.Where(l => DsnFile.NotDeclared.Contains(l.Code)).Sum(l => l.EmployeeAmount + l.EmployerAmount);
        });
        Assert.Equal(declared, Sum("S21.G00.81.004", lines));
        Assert.Equal(payslips.Sum(p => p.Gross.Cents), (await Balance("641") - wagesBefore).Cents);
        Assert.Equal(payslips.Sum(p => p.NetPaid.Cents), (netBefore - await Balance("421")).Cents);

        // The members' employment certificates: the artist's AEM (a cachet counted 12 hours), the trainer's for France Travail; the member's own only.
        var aem = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(await staff.GetByteArrayAsync($"/api/v1/jobs/{artist.Id}/certificate.pdf"), layout: true), @"\s+", " ");
        foreach (var expected in new[] { "Attestation d'employeur mensuelle (AEM)", "SIRET 90000001900019", "CDD d'usage", "Motif de fin : fin de contrat à durée déterminée", "un cachet comptant pour 12 heures", "600,00" })
        {
            Assert.Contains(expected, aem, StringComparison.Ordinal);
        }

        Assert.Matches(@"2026-12 02–03/12 2 24 600,00 €", aem);
        var france = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(await staff.GetByteArrayAsync($"/api/v1/jobs/{trainer.Id}/certificate.pdf"), layout: true), @"\s+", " ");
        Assert.Contains("Attestation employeur destinée à France Travail", france, StringComparison.Ordinal);
        Assert.Contains("508,20", france, StringComparison.Ordinal);   // the gross with both indemnities
        using var stranger = await factory.ClientForAsync(World.ParisMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/jobs/{artist.Id}/certificate.pdf")).StatusCode);

        // Only payroll staff; bad input named.
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/payroll/dsn?entity=LNA&month=2026-12")).StatusCode);
        var unknown = await staff.GetAsync("/api/v1/payroll/dsn?entity=XYZ&month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("Aucune entité ne porte le code « XYZ »", problem, StringComparison.Ordinal);
        Assert.Contains("month", problem, StringComparison.Ordinal);
        var nextNorm = await staff.GetAsync("/api/v1/payroll/dsn?entity=LNA&month=2027-01");
        Assert.Equal(HttpStatusCode.Conflict, nextNorm.StatusCode);
        Assert.Contains("norme P26V01 (périodes de 2026) seulement", await nextNorm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = Encoding.Latin1.GetString(await staff.GetByteArrayAsync("/api/v1/payroll/dsn?entity=LNA&month=2026-11"));
        Assert.Contains("S20.G00.05.002,'02'", empty, StringComparison.Ordinal);   // a month without pay: the "néant" declaration
        Assert.DoesNotContain("S21.G00.30", empty, StringComparison.Ordinal);
        Assert.Empty(DsnChecker.Check(System.Text.Encoding.Latin1.GetBytes(empty)));
    }
}

public sealed class SqliteEntityDsnTests(December2026Factory factory) : EntityDsnTests<December2026Factory>(factory);

public sealed class PostgresEntityDsnTests(PostgresDecember2026Factory factory) : EntityDsnTests<PostgresDecember2026Factory>(factory);
