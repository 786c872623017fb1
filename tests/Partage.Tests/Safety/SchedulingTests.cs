using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;
using static Partage.Tests.Safety.Eventually;
using Partage.Kernel;

namespace Partage.Tests.Safety;

/// <summary>
/// Real time moved by whole days: the legal date a test needs, with seconds that pass. Quartz takes
/// the container's clock for some of its waits, and a frozen fake clock would make it sleep for ever.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private TimeSpan shift = PartageFactory.Now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

    public void Advance(TimeSpan by) => shift += by;
}

/// <summary>Waits, in real time (Quartz fires on it), until the scheduled work has done something.</summary>
public static class Eventually
{
    public static async Task WaitForAsync(string what, Func<Task<bool>> done, Func<Task<string>>? explain = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"Waited 90 s for: {what} {(explain is null ? "" : await explain())}");
            await Task.Delay(200);
        }
    }
}

/// <summary>A server of the cluster: Quartz on, the day's jobs every two seconds, its own mail pickup folder.</summary>
public class SchedulingNode : PartageFactory
{
    public ShiftedClock Time { get; } = new();

    public SchedulingNode()
        : base(Provider.Postgres)
    {
    }

    protected SchedulingNode(TestDatabase shared)
        : base(shared)
    {
    }

    public string Pickup { get; } = Directory.CreateTempSubdirectory("partage-node-").FullName;

    protected override bool SchedulingEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
        builder.UseSetting("Mail:PickupDirectory", Pickup);
        builder.UseSetting($"Scheduling:Jobs:{OutboxWork.Key}", "0/2 * * * * ?");
        builder.UseSetting($"Scheduling:Jobs:{PayrollRunWork.Key}", "1/2 * * * * ?");
        builder.UseSetting($"Scheduling:Jobs:{DunningWork.Key}", "0/2 * * * * ?");
    }
}

/// <summary>The second server, on the first one's database.</summary>
public sealed class SecondNode(TestDatabase shared) : SchedulingNode(shared);

/// <summary>
/// Two application servers on one PostgreSQL run the day's jobs, scheduled by Quartz in clustered
/// mode and, on top, started by hand on both at the same instant: no payslip computed twice, no
/// wage in two batches, no reminder twice, no e-mail sent twice.
/// </summary>
public sealed class ClusteredSchedulingTests(SchedulingNode first) : IClassFixture<SchedulingNode>, IDisposable
{
    private readonly SecondNode second = new(first.Database);

    public void Dispose() => second.Dispose();

    private static async Task<T> Read<T>(PartageFactory node, Func<PartageDbContext, Task<T>> read) =>
        await node.InScopeAsync(s => read(s.GetRequiredService<PartageDbContext>()));


    [Fact]
    public async Task TwoServers_OnePostgres_DaysJobsRunOnce()
    {
        var world = await OpenAsync(first);
        _ = second.Services;   // the second server starts: both schedulers are now in the cluster
        await Hiring.FundAsync(first, world.LilleActivity, 500_000);
        var jobs = new List<JobView>();
        foreach (var days in new[] { 5, 6, 7 })   // at the default clock, 1 to 3 December 2026
        {
            jobs.Add(await Hiring.CountersignedAsync(first, Hiring.Artist(world.LilleActivity, TestDates.Today.AddDays(days), gross: "300")));
        }

        var client = await Sales.FrenchClientAsync(first);
        var invoices = new[]
        {
            await Sales.IssuedAsync(first, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "400", null)) with { PaymentTermsDays = 0 }),
            await Sales.IssuedAsync(first, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "900", null)) with { PaymentTermsDays = 0 }),
        };
        await first.InScopeAsync(async s =>
        {
            var outbox = s.GetRequiredService<Outbox>();
            for (var i = 0; i < 30; i++)
            {
                outbox.Enqueue($"membre{i}@exemple.fr", $"Cluster {i}", "Bonjour");
            }

            return await s.GetRequiredService<PartageDbContext>().SaveChangesAsync();
        });

        // Nine days later: the three services have ended and both invoices are 9 days late.
        foreach (var node in new SchedulingNode[] { first, second })
        {
            node.Time.Advance(TimeSpan.FromDays(9));
        }

        var jobIds = jobs.Select(j => j.Id).ToList();
        await WaitForAsync("the three payslips", async () => await Read(first, db => db.Set<Payslip>().CountAsync(p => jobIds.Contains(p.JobId))) == 3);
        await WaitForAsync("both reminders", async () => await Read(first, db => db.Set<DunningStep>().CountAsync(d => d.InvoiceId == invoices[0].Id || d.InvoiceId == invoices[1].Id)) == 2);

        var payroll = await first.ActorAsync(World.Payroll);
        foreach (var id in await Read(first, db => db.Set<Payslip>().Where(p => jobIds.Contains(p.JobId)).Select(p => p.Id).ToListAsync()))
        {
            await first.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(id, payroll));
        }

        foreach (var node in new SchedulingNode[] { first, second })
        {
            node.Time.Advance(TimeSpan.FromDays(5));   // 14 days later: every wage is due, the second reminder not yet (15 days)
        }

        await WaitForAsync("the wages in a batch", async () => await Read(first, db => db.Set<Payslip>().CountAsync(p => jobIds.Contains(p.JobId) && p.PaymentBatchId != null)) == 3);
        await WaitForAsync("every e-mail sent", async () => await Read(first, db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)) == 0,
            async () => string.Join("; ", await Read(first, db => db.Set<OutboxMessage>().Where(m => m.SentAt == null).Select(m => $"{m.Subject} {m.Attempts} {m.LastError} {m.ClaimedUntil} {m.NextAttemptAt}").ToListAsync()))
                + string.Join("; ", await Read(first, db => db.Set<ScheduledJobRun>().Where(r => r.Succeeded == false).Select(r => r.Summary).ToListAsync())));

        // On top of the schedule, both servers run every job by hand at the same instant, three times.
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(new PartageFactory[] { first, second }.SelectMany(node => new[] { OutboxWork.Key, PayrollRunWork.Key, DunningWork.Key }
                .Select(key => Task.Run(() => node.InScopeAsync(s => s.GetRequiredService<ScheduledJobs>().RunAsync(key, "manuel", CancellationToken.None))))));
        }

        var payslips = await Read(first, db => db.Set<Payslip>().AsNoTracking().Where(p => jobIds.Contains(p.JobId)).ToListAsync());
        Assert.Equal(3, payslips.Count);                                   // one payslip per job
        Assert.Equal(3, payslips.Select(p => p.Number).Distinct().Count());
        var batches = await Read(first, db => db.Set<PaymentBatch>().AsNoTracking().OrderBy(b => b.Number).ToListAsync());
        Assert.Equal(3, batches.Sum(b => b.Count));                        // each wage in exactly one batch
        Assert.Equal(payslips.Sum(p => p.Figures.NetPaidCents), batches.Sum(b => b.TotalCents));
        var year = Partage.Kernel.ParisTime.DateOf(first.Time.GetUtcNow()).Year;
        Assert.Equal(Enumerable.Range(1, batches.Count).Select(n => $"VIR-LNA-{year}-{n:D6}"), batches.Select(b => b.Number));   // no gap in the series

        foreach (var invoice in invoices)
        {
            Assert.Single(await Read(first, db => db.Set<OutboxMessage>().Where(m => m.Subject.StartsWith($"Rappel : facture {invoice.Number} ")).ToListAsync()));
        }

        var messages = await Read(first, db => db.Set<OutboxMessage>().AsNoTracking().Select(m => m.Id).ToListAsync());
        var sent = new[] { first.Pickup, second.Pickup }.SelectMany(d => Directory.GetFiles(d, "*.eml")).Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.Equal(messages.Count, sent.Count);                          // a message sent by both servers would be in both folders
        Assert.Equal(messages.Select(m => m.ToString()).Order(), sent.Order());

        var runs = await Read(first, db => db.Set<ScheduledJobRun>().AsNoTracking().ToListAsync());
        var scheduled = runs.Where(r => r.Instance != "manuel").ToList();
        Assert.Contains(scheduled, r => r.Job == PayrollRunWork.Key && r.Succeeded == true);
        Assert.Contains(scheduled, r => r.Job == DunningWork.Key && r.Succeeded == true);
        Assert.Contains(scheduled, r => r.Job == OutboxWork.Key && r.Succeeded == true);
        // Quartz never runs one job on both servers at once, so no scheduled run met the other's rows.
        Assert.DoesNotContain(scheduled, r => r.Succeeded == false);
        Assert.All(scheduled, r => Assert.NotEqual("NON_CLUSTERED", r.Instance));

        var status = await first.InScopeAsync(s => s.GetRequiredService<ScheduledJobs>().StatusAsync(CancellationToken.None));
        var payrollStatus = Assert.Single(status, j => j.Key == PayrollRunWork.Key);
        Assert.NotNull(payrollStatus.NextRun);
        Assert.NotNull(payrollStatus.LastSuccess);
    }
}

/// <summary>One server on SQLite: Quartz with the single-node store in the same file, the outbox every second.</summary>
public sealed class SqliteSchedulingFactory : PartageFactory
{
    public ShiftedClock Time { get; } = new();

    public string Pickup { get; } = Directory.CreateTempSubdirectory("partage-single-").FullName;

    protected override bool SchedulingEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
        builder.UseSetting("Mail:PickupDirectory", Pickup);
        builder.UseSetting($"Scheduling:Jobs:{OutboxWork.Key}", "* * * * * ?");
    }
}

/// <summary>The single-node schedule on SQLite, and what staff see of it: last and next runs, a run started from the page.</summary>
public sealed partial class SingleNodeSchedulingTests(SqliteSchedulingFactory factory) : IClassFixture<SqliteSchedulingFactory>
{
    [System.Text.RegularExpressions.GeneratedRegex("""<form method="post"[^>]*>(?<body>(?:(?!</form>).)*?name="key" value="dunning".*?)</form>""", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex DunningForm();

    [Fact]
    public async Task Outbox_SentBySchedule_StaffSeeLastAndNextRuns_RunStartedFromThePage()
    {
        await factory.ReadyAsync();
        var message = await factory.InScopeAsync(async s =>
        {
            s.GetRequiredService<Outbox>().Enqueue("membre@exemple.fr", "Planifié", "Bonjour");
            await s.GetRequiredService<PartageDbContext>().SaveChangesAsync();
            return await s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Subject == "Planifié");
        });
        await WaitForAsync("the e-mail sent by the scheduled outbox", () => Task.FromResult(File.Exists(Path.Combine(factory.Pickup, $"{message.Id}.eml"))));
        await WaitForAsync("the outbox run recorded", () => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ScheduledJobRun>().AnyAsync(r => r.Job == OutboxWork.Key)));
        var run = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ScheduledJobRun>().AsNoTracking().SingleAsync(r => r.Job == OutboxWork.Key));
        Assert.Equal((true, "1 message(s) envoyé(s)."), (run.Succeeded, run.Summary));
        Assert.Equal("NON_CLUSTERED", run.Instance);   // the single-node store

        using var member = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await member.GetAsync("/taches-planifiees")).StatusCode);

        using var finance = await factory.SignedInBrowserAsync(World.Finance);
        var page = await finance.GetStringAsync("/taches-planifiees");
        foreach (var title in new[] { "Envoi des e-mails en attente", "Relances des factures échues", "Paie du jour", "Forfaits mensuels de contribution" })
        {
            Assert.Contains(title, page, StringComparison.Ordinal);
        }

        Assert.Contains("1 message(s) envoyé(s).", page, StringComparison.Ordinal);
        Assert.Contains("0 0 8 ? * MON-FRI", page, StringComparison.Ordinal);
        var status = await factory.InScopeAsync(s => s.GetRequiredService<ScheduledJobs>().StatusAsync(CancellationToken.None));
        var dunning = Assert.Single(status, j => j.Key == DunningWork.Key);
        Assert.NotNull(dunning.NextRun);
        Assert.Equal(8, dunning.NextRun!.Value.Hour);   // 8:00 Paris time
        Assert.Contains(dunning.NextRun.Value.ToString("dd/MM/yyyy à HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Null(dunning.LastRun);

        var form = DunningForm().Match(page);
        Assert.True(form.Success, "the dunning row has a « Lancer maintenant » button");
        using var started = await finance.PostAsync("/taches-planifiees?handler=Run", new FormUrlEncodedContent(BrowserForms.HiddenFields(form.Groups["body"].Value)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, started.StatusCode);
        await WaitForAsync("the dunning run started from the page", () => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ScheduledJobRun>().AnyAsync(r => r.Job == DunningWork.Key && r.Succeeded == true)));
        Assert.True(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Audit.AuditEvent>().AnyAsync(a => a.Action == "scheduling.run_requested" && a.ResourceId == DunningWork.Key)));
    }

    [Fact]
    public async Task SingleNode_RunInterruptedByACrash_OrMissedWhileDown_IsRunOnceAtStart()
    {
        await factory.ReadyAsync();
        var now = factory.Time.GetUtcNow().UtcDateTime;
        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            // The payroll run was killed half-way an hour ago; the month-end fees last ran 40 days ago.
            db.Add(new ScheduledJobRun { Id = Guid.CreateVersion7(), Job = PayrollRunWork.Key, Instance = "NON_CLUSTERED", StartedAt = now.AddHours(-1) });
            db.Add(new ScheduledJobRun { Id = Guid.CreateVersion7(), Job = App.Modules.Ledger.Features.MonthlyFeesWork.Key, Instance = "NON_CLUSTERED", StartedAt = now.AddDays(-40), FinishedAt = now.AddDays(-40), Succeeded = true });
            return await db.SaveChangesAsync();
        });

        var missed = await factory.InScopeAsync(s => s.GetRequiredService<MissedRunsAtStart>().CatchUpAsync(CancellationToken.None));

        Assert.Equal([App.Modules.Ledger.Features.MonthlyFeesWork.Key, PayrollRunWork.Key], missed.Order());   // dunning: nothing interrupted, nothing missed
        await WaitForAsync("the interrupted payroll run done again", () => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ScheduledJobRun>()
            .AnyAsync(r => r.Job == PayrollRunWork.Key && r.Succeeded == true)), async () => string.Join("; ", await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>()
            .Set<ScheduledJobRun>().AsNoTracking().Where(r => r.Job == PayrollRunWork.Key).Select(r => $"{r.StartedAt:O} → {r.FinishedAt:O} {r.Succeeded} {r.Summary}").ToListAsync())));
        Assert.DoesNotContain(PayrollRunWork.Key, await factory.InScopeAsync(s => s.GetRequiredService<MissedRunsAtStart>().CatchUpAsync(CancellationToken.None)));   // caught up once
    }
}
