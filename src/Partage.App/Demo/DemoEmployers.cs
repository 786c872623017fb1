using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Employers of the contract-management service, of every legal form and sector, under complete and
/// partial mandates (one terminated, inactive), with their staff's contracts replayed on their past
/// dates through the real services: payslips computed and validated, wages paid in the day's
/// batches, one invoice per employer and past month, one of them paid. The demo employer account
/// acts for the first one.
/// </summary>
public sealed class DemoEmployers(PartageDbContext db, IServiceProvider services, IOfficesApi offices, TimeProvider clock)
{
    private sealed record Plan(string Name, EmployerLegalForm Form, EmployerSector Sector, string City, MandateKind Mandate, int Contracts, bool Terminated = false);

    private static readonly Plan[] Plans =
    [
        new("Festival des Beffrois", EmployerLegalForm.Association, EmployerSector.LivePerformance, "Lille", MandateKind.Complete, 3),
        new("Compagnie du Vent", EmployerLegalForm.Association, EmployerSector.LivePerformance, "Paris", MandateKind.Complete, 2),
        new("Théâtre de la Manufacture", EmployerLegalForm.Association, EmployerSector.LivePerformance, "Lyon", MandateKind.Complete, 2),
        new("Les Films du Nord", EmployerLegalForm.Sarl, EmployerSector.Audiovisual, "Lille", MandateKind.Complete, 2),
        new("Studio Ondes", EmployerLegalForm.Sas, EmployerSector.Recording, "Nantes", MandateKind.Partial, 2),
        new("Scènes en Commun", EmployerLegalForm.Scic, EmployerSector.LivePerformance, "Rennes", MandateKind.Complete, 1),
        new("Scop Lumière", EmployerLegalForm.Scop, EmployerSector.Audiovisual, "Toulouse", MandateKind.Partial, 1),
        new("Jean Martin Productions", EmployerLegalForm.SoleTrader, EmployerSector.LivePerformance, "Marseille", MandateKind.Complete, 1),
        new("Fondation des Arts Vivants", EmployerLegalForm.Other, EmployerSector.Other, "Montpellier", MandateKind.Complete, 0),
        new("Fanfare des Mineurs", EmployerLegalForm.Association, EmployerSector.Other, "Strasbourg", MandateKind.Complete, 0, Terminated: true),
    ];

    private DateOnly Today => clock.Today();

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<Employer>().AnyAsync(ct))
        {
            return;
        }

        var yearStart = new DateOnly(Today.Year, 1, 1);
        var ends = await SubmitContractsAsync(await CreateEmployersAsync(yearStart, ct), yearStart, ct);
        await RunPastDaysAsync(ends, ct);
        await InvoicePastMonthsAsync(ct);
    }

    /// <summary>The plans' employers with their mandates from the 1st of January (one terminated mid-year), the first linked to the demo employer account.</summary>
    private async Task<List<(Plan Plan, EmployerView Employer)>> CreateEmployersAsync(DateOnly yearStart, CancellationToken ct)
    {
        var cities = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.City, o => o.Id);
        var created = new List<(Plan Plan, EmployerView Employer)>();
        for (var i = 0; i < Plans.Length; i++)
        {
            var plan = Plans[i];
            var siren = WithLuhnKey($"8{Today.Year % 100:D2}{i + 10:D5}");
            var employer = await services.GetRequiredService<CreateEmployer>().HandleAsync(new EmployerInput(plan.Name, plan.Form.ToString(), plan.Sector.ToString(), WithLuhnKey(siren + "0001"), SectorActivityCodes.Of(plan.Sector).FirstOrDefault() ?? "9499Z", "3090",
                $"317 {i + 1:D9}", $"Audiens {40000 + i}, Congés Spectacles {70000 + i}", "0,0123", (5 + (i * 7 % 40)).ToString(CultureInfo.InvariantCulture),
                cities[plan.City].ToString(), $"{i + 2} place du Théâtre", "59000", plan.City, $"compta{i + 1}@employeur.test", "20000")
                {
                    // Live-performance employers hold a licence (or its declaration receipt), or they could not hire intermittents.
                    LicenceNumber = plan.Sector == EmployerSector.LivePerformance ? $"PLATESV-D-{Today.Year - 1}-{100200 + i:D6}" : null,
                    LicenceValidUntil = plan.Sector == EmployerSector.LivePerformance ? $"{Today.Year + 4}-06-30" : null,
                }, Actor.System, ct);
            await services.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput(plan.Mandate.ToString(), yearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Présidence"), Actor.System, ct);
            if (plan.Terminated)
            {
                await services.GetRequiredService<TerminateMandate>().HandleAsync(employer.Id, new TerminationInput(yearStart.AddMonths(6).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Fin d'activité"), Actor.System, ct);
                await services.GetRequiredService<SetEmployerStatus>().HandleAsync(employer.Id, active: false, Actor.System, ct);
            }

            created.Add((plan, employer));
        }

        await services.GetRequiredService<LinkEmployerUser>().HandleAsync(created[0].Employer.Id, $"employeur@{DemoSeeder.Domain}", Actor.System, ct);
        return created;
    }

    private async Task<List<DateOnly>> SubmitContractsAsync(List<(Plan Plan, EmployerView Employer)> created, DateOnly yearStart, CancellationToken ct)
    {
        // Contracts of the last weeks, each submitted five days before it starts.
        var ends = new List<DateOnly>();
        var person = 0;
        foreach (var (plan, employer) in created)
        {
            for (var n = 0; n < plan.Contracts; n++)
            {
                var start = Today.AddDays(-45 + (n * 12) + (person % 5));
                var end = start.AddDays(1);
                person++;
                if (start.AddDays(-5) < yearStart || end >= Today)
                {
                    continue;
                }

                var artist = n % 2 == 0;
                await services.Backdated<SubmitStaffContract, StaffContractRecorder>(new DemoClock(start.AddDays(-5))).HandleAsync(employer.Id, new StaffContractInput(
                    $"SALARIE{person}", artist ? "Camille" : "Dominique", DemoNir(person), "1988-04-12", "FR7630006000011234567890189",
                    artist ? "intermittent_artist" : "intermittent_technician", "non", artist ? "Artiste dramatique" : "Régisseur", plan.Name + " — saison",
                    Day(start), Day(end), artist ? null : "16", artist ? "2" : null, artist ? "580" : "420", n == 0 ? "35" : null, BirthPlace: "Lille"), Actor.System, ct);
                ends.Add(end);
            }
        }

        return ends;
    }

    private async Task RunPastDaysAsync(List<DateOnly> ends, CancellationToken ct)
    {
        // The daily runs of the past: payslips the day after each end (validated), wages paid on day 7.
        foreach (var day in ends.Select(e => e.AddDays(1)).Concat(ends.Select(e => e.AddDays(7))).Where(d => d <= Today).Distinct().Order())
        {
            await services.Backdated<RunPayroll>(new DemoClock(day)).HandleAsync(day, Actor.System, ct);
            var validate = services.GetRequiredService<ValidateStaffPayslip>();
            foreach (var payslip in (await services.GetRequiredService<ListStaffPayslips>().HandleAsync(null, nameof(StaffPayslipStatus.Computed), new PageRequest(1, 200), Actor.System, ct)).Items)
            {
                await validate.HandleAsync(payslip.Id, Actor.System, ct);
            }

            var release = services.Backdated<ReleaseWageBatch>(new DemoClock(day));
            foreach (var batch in (await services.GetRequiredService<ListWageBatches>().HandleAsync(new PageRequest(1, PageRequest.MaxSize), Actor.System, ct)).Items.Where(b => b.Status == PaymentBatchStatus.Built && b.ExecutionDate == day))
            {
                await release.HandleAsync(batch.Id, Actor.System, ct);
            }
        }
    }

    private async Task InvoicePastMonthsAsync(CancellationToken ct)
    {
        // One invoice per employer and past month, issued on the 2nd of the next month; the first one paid ten days later.
        var payslips = (await services.GetRequiredService<ListStaffPayslips>().HandleAsync(null, null, new PageRequest(1, 200), Actor.System, ct)).Items;
        var paidOne = false;
        foreach (var period in payslips.Where(p => p.InvoiceId is null).Select(p => (p.EmployerId, p.Period)).Distinct().OrderBy(p => p.Period))
        {
            var issueDay = DateOnly.ParseExact(period.Period + "-02", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1);
            if (issueDay > Today)
            {
                continue;
            }

            var invoice = await services.Backdated<IssueEmployerInvoice>(new DemoClock(issueDay)).HandleAsync(period.EmployerId, new EmployerInvoiceInput(period.Period), Actor.System, ct);
            if (!paidOne && issueDay.AddDays(10) <= Today)
            {
                await services.GetRequiredService<RecordEmployerPayment>().HandleAsync(invoice.Id,
                    new EmployerPaymentInput(invoice.Total.Amount.ToString(CultureInfo.InvariantCulture), Day(issueDay.AddDays(10))), Actor.System, ct);
                paidOne = true;
            }
        }
    }

    /// <summary>A valid NIR of someone born in April 1988 in the Nord.</summary>
    private static string DemoNir(int n)
    {
        var body = $"2880459350{(n % 999) + 1:D3}";
        return body + (97 - long.Parse(body, CultureInfo.InvariantCulture) % 97).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The body with the one key digit that makes a valid SIREN (9 digits) or SIRET (14).</summary>
    private static string WithLuhnKey(string body) =>
        Enumerable.Range(0, 10).Select(k => body + k).First(candidate => candidate.Length == 9 ? Siren.TryParse(candidate, out _, out _) : Siret.TryParse(candidate, out _, out _));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
