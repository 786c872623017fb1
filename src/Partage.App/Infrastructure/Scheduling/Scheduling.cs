using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Quartz;

namespace Partage.App.Infrastructure.Scheduling;

/// <summary>Settings (section "Scheduling"): whether this server runs the schedule, and each job's cron expression.</summary>
public sealed class SchedulingOptions
{
    /// <summary>False on a server that must only answer requests (or in tests): the jobs then run only by hand (CLI).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cron expressions by job key (Quartz syntax, seconds first, Europe/Paris time), overriding the defaults.</summary>
    public Dictionary<string, string> Jobs { get; set; } = [];

    public string CronOf(ScheduledJobDefinition job) =>
        Jobs.FirstOrDefault(j => string.Equals(j.Key, job.Key, StringComparison.OrdinalIgnoreCase)).Value is { } cron && !string.IsNullOrWhiteSpace(cron) ? cron.Trim() : job.DefaultCron;
}

public static class SchedulingSetup
{
    public const string SchedulerName = "Partage";

    /// <summary>Declares a job; the scheduler picks it up in <see cref="AddPartageScheduling"/>.</summary>
    public static IServiceCollection AddScheduledWork<TWork>(this IServiceCollection services, string key, string title, string defaultCron, bool recordsIdleRuns = true)
        where TWork : class, IScheduledWork
    {
        services.AddSingleton(new ScheduledJobDefinition(key, title, defaultCron, recordsIdleRuns, typeof(TWork)));
        services.AddKeyedScoped<IScheduledWork, TWork>(key);
        return services;
    }

    /// <summary>
    /// Quartz.NET runs the declared jobs inside the web server. On PostgreSQL its job store is the
    /// database, clustered: any number of servers share one schedule, each firing is taken by exactly
    /// one of them (row locks on the QRTZ_LOCKS table), and a job whose server dies is run again by
    /// another (RequestRecovery). On SQLite, a single-node database, the store is the same file
    /// without clustering: a firing missed while the server was down runs once at the next start.
    /// Quartz creates its tables on first start (ProvisionSchema).
    /// </summary>
    public static WebApplicationBuilder AddPartageScheduling(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.Configure<SchedulingOptions>(builder.Configuration.GetSection("Scheduling"));
        services.AddScoped<ScheduledJobs>();
        if (!options.Enabled)
        {
            return builder;
        }

        var jobs = Definitions(services);
        builder.AddQuartz(q =>
        {
            // Quartz takes the container's TimeProvider for its waits: a test's clock must flow (see ShiftedClock in the tests).
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.EffectiveConnectionString);
                    store.UseClustering(_ => { });
                    store.ProvisionSchema();
                });
            }
            else
            {
                // SQLite is one server's file: Quartz's in-memory store, rebuilt from the settings at
                // each start. (Quartz's SQLite store in the same file stalled its trigger acquisition
                // behind the application's own connections.) A firing missed while the server was
                // down is caught up at start by MissedRunsAtStart.
                q.UseInMemoryStore(_ => { });
            }
            foreach (var job in jobs)
            {
                var cron = options.CronOf(job);
                if (!CronExpression.TryParse(cron, out _))
                {
                    continue;   // refused at start with a French message (Problems)
                }

                q.AddJob(typeof(ScheduledJobRunner), j => j.WithIdentity(job.Key).WithDescription(job.Title).DisallowConcurrentExecution().RequestRecovery().StoreDurably());
                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.Key).WithDescription(cron)
                    .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(ParisTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            services.AddSingleton<MissedRunsAtStart>().AddHostedService(s => s.GetRequiredService<MissedRunsAtStart>());
        }

        return builder;
    }

    /// <summary>Schedules that are not valid cron expressions, in French, checked before the server starts.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IEnumerable<ScheduledJobDefinition> jobs)
    {
        var options = configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        var known = jobs.ToDictionary(j => j.Key, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (key, cron) in options.Jobs)
        {
            if (!known.ContainsKey(key))
            {
                problems.Add($"Scheduling__Jobs__{key} : tâche inconnue (tâches : {string.Join(", ", known.Keys)})");
            }
            else if (!CronExpression.TryParse(cron?.Trim() ?? string.Empty, out _))
            {
                problems.Add($"Scheduling__Jobs__{key} : « {cron} » n'est pas une expression cron Quartz valide (secondes minutes heures jour mois jour-de-semaine, par exemple « 0 0 6 * * ? »)");
            }
        }

        return problems;
    }

    private static List<ScheduledJobDefinition> Definitions(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ScheduledJobDefinition)).Select(d => (ScheduledJobDefinition)d.ImplementationInstance!).ToList();
}

/// <summary>The Quartz job behind every scheduled work: the job key names the work.</summary>
public sealed class ScheduledJobRunner(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().RunAsync(context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, cancellationToken);
    }
}

/// <summary>What staff see of one job: its schedule, its last run and its next one.</summary>
public sealed record ScheduledJobStatus(
    string Key, string Title, string Cron, DateTimeOffset? NextRun, ScheduledJobRun? LastRun, ScheduledJobRun? LastSuccess);

/// <summary>Runs a job with its record of runs, and tells staff where each job stands.</summary>
public sealed class ScheduledJobs(
    IServiceScopeFactory scopes, PartageDbContext db, IEnumerable<ScheduledJobDefinition> definitions,
    Microsoft.Extensions.Options.IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<ScheduledJobs> log, IServiceProvider services, IAuditLog audit,
    Telemetry.PartageMetrics metrics)
{
    /// <summary>Runs over 180 days old are forgotten: the audit trail of what they changed stays in the audit log and the ledger.</summary>
    private static readonly TimeSpan KeepRuns = TimeSpan.FromDays(180);

    public static readonly ErrorCode UnknownJob = new("scheduling.unknown_job", "Tâche planifiée introuvable.", ErrorKind.NotFound);

    public IReadOnlyList<ScheduledJobDefinition> Definitions { get; } = definitions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    public bool SchedulerEnabled => options.Value.Enabled;

    /// <summary>
    /// Runs the job once and records it. A failure is recorded and logged, never thrown: the
    /// scheduler keeps the next firing, and what the job changes is committed piece by piece by the
    /// work itself (a failed run leaves no half-written document).
    /// </summary>
    public async Task<ScheduledJobRun> RunAsync(string key, string instance, CancellationToken ct)
    {
        var definition = Definitions.SingleOrDefault(d => d.Key == key) ?? throw new InvalidOperationException($"Unknown scheduled job {key}.");
        var run = new ScheduledJobRun { Id = Guid.CreateVersion7(), Job = key, Instance = instance.Length > 200 ? instance[..200] : instance, StartedAt = clock.GetUtcNow().UtcDateTime };
        if (definition.RecordsIdleRuns)
        {
            db.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();   // a duration for the operators, not a legal time
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            run.Summary = await scope.ServiceProvider.GetRequiredKeyedService<IScheduledWork>(key).RunAsync(ct);
            run.Succeeded = true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Succeeded = false;
            run.Summary = "Interrompu : le serveur s'arrêtait. La prochaine exécution reprend le travail.";
        }
        catch (Exception e)
        {
            log.LogError(e, "Scheduled job {Job} failed", key);
            run.Succeeded = false;
            var text = e is DomainException or InputValidationException ? e.Message : $"Erreur inattendue ({e.GetType().Name}) : {e.Message}";
            run.Summary = text.Length > 1000 ? text[..1000] : text;
        }

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        metrics.JobRan(key, run.Succeeded == true ? "succeeded" : ct.IsCancellationRequested ? "interrupted" : "failed", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (!definition.RecordsIdleRuns && (run.Succeeded == false || run.Summary is not null))
        {
            db.Add(run);
        }

        if (db.Entry(run).State != EntityState.Detached)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            var before = run.StartedAt - KeepRuns;
            await db.Set<ScheduledJobRun>().Where(r => r.Job == key && r.StartedAt < before).ExecuteDeleteAsync(CancellationToken.None);
        }

        return run;
    }

    public async Task<IReadOnlyList<ScheduledJobStatus>> StatusAsync(CancellationToken ct)
    {
        var scheduler = SchedulerEnabled && services.GetService<ISchedulerFactory>() is { } factory ? await factory.GetScheduler(ct) : null;
        var result = new List<ScheduledJobStatus>();
        foreach (var job in Definitions)
        {
            var runs = db.Set<ScheduledJobRun>().AsNoTracking().Where(r => r.Job == job.Key).OrderByDescending(r => r.StartedAt);
            var last = await runs.FirstOrDefaultAsync(ct);
            var success = last?.Succeeded == true ? last : await runs.FirstOrDefaultAsync(r => r.Succeeded == true, ct);
            var cron = options.Value.CronOf(job);
            DateTimeOffset? next = null;
            if (scheduler is not null)
            {
                var triggers = await scheduler.GetTriggersOfJob(new JobKey(job.Key), ct);
                next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            }

            result.Add(new ScheduledJobStatus(job.Key, job.Title, cron, next is { } n ? ParisTime.Local(n) : null, last, success));
        }

        return result;
    }

    /// <summary>The latest runs of every job, newest first, for the history table.</summary>
    public async Task<IReadOnlyList<ScheduledJobRun>> HistoryAsync(int count, CancellationToken ct) =>
        await db.Set<ScheduledJobRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Math.Clamp(count, 1, 200)).ToListAsync(ct);

    /// <summary>Asks the cluster to run the job now (one server takes it), with the request in the audit log; false when this server does not run the schedule.</summary>
    public async Task<bool> TriggerNowAsync(string key, Actor actor, CancellationToken ct)
    {
        if (Definitions.All(d => d.Key != key))
        {
            throw new DomainException(UnknownJob);
        }

        if (!SchedulerEnabled || services.GetService<ISchedulerFactory>() is not { } factory || await factory.GetScheduler(ct) is not { } scheduler)
        {
            return false;
        }

        audit.Record(actor, "scheduling.run_requested", "scheduled_job", key, null, null);
        await db.SaveChangesAsync(ct);
        await scheduler.TriggerJob(new JobKey(key), new JobDataMap(), ct);
        return true;
    }
}

/// <summary>
/// The single-node schedule (SQLite) lives in memory: at start, a job whose last recorded run was
/// interrupted (the server stopped or crashed during it) or whose scheduled time passed while the
/// server was down is run once now. The jobs are idempotent, so catching up never does twice what
/// was done. The clustered store on PostgreSQL does the same by itself (recovery, misfires).
/// </summary>
public sealed class MissedRunsAtStart(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<MissedRunsAtStart> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await CatchUpAsync(lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Missed scheduled runs could not be caught up at start");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Triggers the jobs that missed a run; returns their keys.</summary>
    public async Task<IReadOnlyList<string>> CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<ScheduledJobs>();
        var db = scope.ServiceProvider.GetRequiredService<PartageDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulingOptions>>().Value;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var missed = new List<string>();
        foreach (var job in jobs.Definitions.Where(d => d.RecordsIdleRuns))
        {
            var last = await db.Set<ScheduledJobRun>().AsNoTracking().Where(r => r.Job == job.Key).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            if (last is null || !CronExpression.TryParse(options.CronOf(job), out _))
            {
                continue;   // never run here: nothing was missed yet
            }

            var cron = new CronExpression(options.CronOf(job), ParisTime.Zone);
            var interrupted = last.FinishedAt is null;
            var due = cron.GetNextValidTimeAfter(new DateTimeOffset(DateTime.SpecifyKind(last.StartedAt, DateTimeKind.Utc))) is { } next && next <= now;
            if ((interrupted || due) && await jobs.TriggerNowAsync(job.Key, Actor.System, ct))
            {
                log.LogInformation("Scheduled job {Job} missed a run ({Reason}): run now", job.Key, interrupted ? "interrupted" : "server down");
                missed.Add(job.Key);
            }
        }

        return missed;
    }
}
