using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Demo jobs through the payroll services, replayed on their past dates: artists, technicians and
/// régime général employees paid 7 days after their jobs or, for a contract over two months, after
/// each month end (payslips validated, batches released),
/// one payslip waiting for validation, and the demo member's next job to sign.
/// </summary>
public sealed class DemoPayroll(PartageDbContext db, IServiceProvider services, IMembersApi members, ILegalEntitiesApi entities, TimeProvider clock)
{
    private sealed record Plan(ActivityId Activity, string Kind, string Trade, string Description, int StartsInDays, int Days, string? Hours, string? Cachets, string Gross)
    {
        /// <summary>An intermittent's function (annexes 8 and 10) and the index of the show's organiser in <see cref="Organisers"/>.</summary>
        public (string Function, int Organiser)? Show { get; init; }
    }

    /// <summary>
    /// The demo's organisers: a licensed venue buying shows, a festival the cooperative produces for, a town hall without
    /// licence the cooperative sells a show to (flagged), and a brasserie hiring a musician for its own party (refused: GUSO).
    /// </summary>
    private static readonly (string Name, string Siret, string Ape, string? Licence, string Role)[] Organisers =
    [
        ("Le Splendid", "41234567000019", "9004Z", "PLATESV-R-2023-000321", OrganiserRoles.LicensedBuyer),
        ("Festival des Beffrois", "78912345200011", "9001Z", null, OrganiserRoles.Cooperative),
        ("Mairie de Roubaix", "53298765800012", "8411Z", null, OrganiserRoles.Cooperative),
        ("Brasserie du Vieux-Lille", "81234567600017", "5630Z", null, OrganiserRoles.Occasional),
    ];

    private const int GusoExample = 3;

    private DateOnly Today => clock.Today();

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<Job>().AnyAsync(ct))
        {
            return;
        }

        var jobs = await DeclareAsync(await PlansAsync(ct), ct);
        await RunPastDaysAsync(jobs, ct);
    }

    /// <summary>The jobs to declare: members with a NIR and an IBAN, their first activities in shows or projects, a few typical contracts.</summary>
    private async Task<List<Plan>> PlansAsync(CancellationToken ct)
    {
        var codes = await entities.CodesAsync(ct);
        var active = await db.Set<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Active).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.MemberId, a.LegalEntityId, a.ModuleCode }).Take(400).ToListAsync(ct);
        var payable = new List<(ActivityId Id, MemberId Member, string Entity, string Module)>();
        foreach (var activity in active.DistinctBy(a => a.MemberId))
        {
            if (await members.EmployeeAsync(activity.MemberId, ct) is { Nir: not null, Iban: not null })
            {
                payable.Add((activity.Id, activity.MemberId, codes[activity.LegalEntityId], activity.ModuleCode));
            }
        }

        var shows = payable.Where(a => a.Entity == "LNA" && a.Module == BusinessModules.Shows).Select(a => a.Id).ToList();
        var projects = payable.Where(a => a.Module == BusinessModules.Projects).Select(a => a.Id).ToList();
        var plans = new List<Plan>();
        void Add(List<ActivityId> pool, int index, Func<ActivityId, Plan> plan)
        {
            if (index < pool.Count)
            {
                plans.Add(plan(pool[index]));
            }
        }

        Add(shows, 0, a => new Plan(a, "intermittent_artist", "musician_singer", "Concerts du festival d'automne", -40, 2, null, "2", "520") { Show = ("Musicien", 1) });
        Add(shows, 1, a => new Plan(a, "intermittent_artist", "actor", "Lecture-spectacle", -33, 1, null, "1", "260") { Show = ("Artiste dramatique", 0) });
        Add(shows, 2, a => new Plan(a, "intermittent_technician", "technician", "Régie lumière", -31, 2, "16", null, "420") { Show = ("Régisseur lumière", 0) });
        Add(projects, 0, a => new Plan(a, "regime_general", "graphic_web_designer", "Identité visuelle d'une saison", -45, 10, "70", null, "1450"));
        Add(projects, 1, a => new Plan(a, "regime_general", "consultant_trainer", "Formation des bénévoles", -30, 3, "21", null, "600"));
        Add(projects, 2, a => new Plan(a, "regime_general", "graphic_web_designer", "Refonte d'un site, paie à chaque fin de mois", -70, 60, "120", null, "1600"));
        Add(shows, 3, a => new Plan(a, "intermittent_technician", "technician", "Montage et démontage", -6, 2, "18", null, "430") { Show = ("Machiniste", 1) });
        Add(shows, 0, a => new Plan(a, "intermittent_artist", "musician_singer", "Bal du nouvel an", 10, 1, null, "1", "280") { Show = ("Musicien", 2) });   // the demo member's next contract, to sign
        Add(shows, 1, a => new Plan(a, "intermittent_artist", "musician_singer", "Soirée d'anniversaire de la brasserie", 12, 1, null, "1", "250") { Show = ("Musicien", GusoExample) });

        return plans;
    }

    private static JobInput WithShow(JobInput job, Plan plan)
    {
        if (plan.Show is not { } show)
        {
            return job;
        }

        var organiser = Organisers[show.Organiser];
        return job with
        {
            Function = show.Function, Production = "show", Title = plan.Description, OrganiserName = organiser.Name, OrganiserSiret = organiser.Siret,
            OrganiserApe = organiser.Ape, OrganiserLicence = organiser.Licence, OrganiserRole = organiser.Role,
        };
    }

    /// <summary>Each plan declared by its member on its day (five days before the start), signed and countersigned unless it starts later.</summary>
    private async Task<List<(Plan Plan, JobView Job)>> DeclareAsync(List<Plan> plans, CancellationToken ct)
    {
        var jobs = new List<(Plan Plan, JobView Job)>();
        foreach (var plan in plans.OrderBy(p => p.StartsInDays))
        {
            var start = Today.AddDays(plan.StartsInDays);
            var end = start.AddDays(plan.Days - 1);
            if (start.AddDays(-5) < new DateOnly(Today.Year, 1, 1))
            {
                continue;   // before the demo's fiscal year
            }

            var owner = await ActorOfAsync(plan.Activity, ct);
            JobView declared;
            try
            {
                declared = await services.Backdated<DeclareJob>(new DemoClock(start.AddDays(-5))).HandleAsync(WithShow(new JobInput(plan.Activity.ToString(), plan.Kind, false, plan.Trade,
                    plan.Description, "Lille", Day(start), Day(end), plan.Hours, plan.Cachets, plan.Gross, plan.Kind == "regime_general" ? "Accroissement temporaire d'activité (art. L1242-2 2° du code du travail)" : null, null), plan), owner, ct);
            }
            catch (DomainException refused) when (refused.Error == PayrollErrors.ChecksFailed && plan.Show?.Organiser == GusoExample)
            {
                continue;   // refused as it should be: the compliance page shows it
            }
            catch (DomainException refused) when (refused.Error == PayrollErrors.BudgetExceeded)   // the budget alone; any other refusal is a bug of the demo
            {
                // A generated activity whose sales do not cover this job (it depends on the seed and the size):
                // the demo goes without that job, as a manager would, rather than stopping half-way.
                continue;
            }
            if (plan.StartsInDays < 10)
            {
                await SignAsync(declared, owner, start, ct);
            }

            jobs.Add((plan, declared));
        }

        return jobs;
    }

    private async Task RunPastDaysAsync(List<(Plan Plan, JobView Job)> jobs, CancellationToken ct)
    {
        // The daily runs of the past: payslips the day after each month end or end of service
        // (validated, except those not yet due), batches on each pay day (released).
        var monthEnds = jobs.SelectMany(j => ContractMonths.Split(j.Job.Start, j.Job.End, null, null, 0)).Select(m => m.To).Where(to => to < Today).ToList();
        foreach (var day in monthEnds.Select(to => to.AddDays(1)).Concat(monthEnds.Select(to => to.AddDays(7))).Where(d => d <= Today).Distinct().Order())
        {
            await services.Backdated<RunPayroll>(new DemoClock(day)).HandleAsync(day, Actor.System, ct);
            foreach (var (_, job) in jobs)
            {
                foreach (var payslip in (await services.GetRequiredService<ListPayslips>().ForJobAsync(job.Id, Actor.System, ct)).Where(p => p.Status == PayslipStatus.Computed && p.DueOn <= Today))
                {
                    await services.GetRequiredService<ValidatePayslip>().HandleAsync(payslip.Id, Actor.System, ct);
                }
            }

            var release = services.Backdated<ReleaseWageBatch>(new DemoClock(day));
            foreach (var batch in (await services.GetRequiredService<ListWageBatches>().HandleAsync(new PageRequest(1, PageRequest.MaxSize), Actor.System, ct)).Items.Where(b => b.Status == PaymentBatchStatus.Built && b.ExecutionDate == day))
            {
                await release.HandleAsync(batch.Id, Actor.System, ct);
            }
        }
    }

    /// <summary>The payroll staff account that countersigns the demo's contracts, read once.</summary>
    private PartageUser? payrollStaff;

    /// <summary>
    /// Signed as people sign: a code is sent, read from the e-mail waiting in the outbox and typed with the name — by the
    /// member four days before the start, then by the payroll staff account the day after.
    /// </summary>
    private async Task SignAsync(JobView job, Actor member, DateOnly start, CancellationToken ct)
    {
        payrollStaff ??= await db.Set<PartageUser>().AsNoTracking().SingleAsync(u => u.Email == $"paie@{DemoSeeder.Domain}", ct);
        var countersigner = new Actor(payrollStaff.Id, payrollStaff.Email!, new HashSet<string> { Roles.Payroll }, null, null);
        foreach (var (signer, name, day) in new[] { (member, job.MemberName, start.AddDays(-4)), (countersigner, payrollStaff.DisplayName, start.AddDays(-3)) })
        {
            var clock = new DemoClock(day);
            var codes = services.Backdated<SignatureCodes>(clock);
            await ActivatorUtilities.CreateInstance<SendSignatureCode>(services, codes).HandleAsync(job.Id, signer, ct);
            var mail = await db.Set<Infrastructure.Mail.OutboxMessage>().AsNoTracking().Where(m => m.Subject.EndsWith(job.Number))
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Body).FirstAsync(ct);
            var input = new SignatureInput(name, System.Text.RegularExpressions.Regex.Match(mail, @"^\s+(\d{6})$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value);
            if (signer == member)
            {
                await ActivatorUtilities.CreateInstance<SignContract>(services, clock, codes).HandleAsync(job.Id, input, "192.0.2.20", signer, ct);
            }
            else
            {
                await ActivatorUtilities.CreateInstance<CountersignContract>(services, clock, codes).HandleAsync(job.Id, input, "192.0.2.21", signer, ct);
            }
        }
    }

    private async Task<Actor> ActorOfAsync(ActivityId activity, CancellationToken ct)
    {
        var owner = await db.Set<Activity>().AsNoTracking().Where(a => a.Id == activity).Select(a => a.MemberId).SingleAsync(ct);
        return new Actor(null, "démonstration", new HashSet<string> { Roles.Member }, owner, null);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
