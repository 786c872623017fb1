using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partage.App.Infrastructure.Scheduling;

/// <summary>
/// One piece of the platform's recurring work (dunning, the daily payroll run, the outbox, the
/// month-end fees). Quartz runs it on its schedule; the CLI verbs and the staff page run the same
/// code by hand. Every implementation is safe to run again and to run on two servers at once: what it
/// changes is guarded by the data (unique keys, conditional updates), the scheduler only avoids the
/// wasted effort.
/// </summary>
public interface IScheduledWork
{
    /// <summary>Runs once and says in French what was done, or null when there was nothing to do.</summary>
    Task<string?> RunAsync(CancellationToken ct);
}

/// <summary>How a job is known: its key (also its Quartz job key and its settings key), its French title and its default schedule.</summary>
/// <param name="Key">Stable identifier, e.g. "dunning"; the setting Scheduling:Jobs:{Key} overrides <paramref name="DefaultCron"/>.</param>
/// <param name="Title">What staff read on the page of scheduled jobs.</param>
/// <param name="DefaultCron">A Quartz cron expression (seconds first) read in Europe/Paris time.</param>
/// <param name="RecordsIdleRuns">False for frequent jobs (the outbox): a run that did nothing leaves no line.</param>
public sealed record ScheduledJobDefinition(string Key, string Title, string DefaultCron, bool RecordsIdleRuns, Type WorkType);

/// <summary>One run of a scheduled job, as staff see it: who ran it, when, and what came of it.</summary>
public sealed class ScheduledJobRun
{
    public Guid Id { get; init; }

    public string Job { get; init; } = string.Empty;

    /// <summary>The server (Quartz instance) that ran it, or "manuel" for a run started from the page.</summary>
    public string Instance { get; init; } = string.Empty;

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Null while running, or when the server stopped before the end (crash).</summary>
    public bool? Succeeded { get; set; }

    public string? Summary { get; set; }
}

internal sealed class ScheduledJobRunConfiguration : IEntityTypeConfiguration<ScheduledJobRun>
{
    public void Configure(EntityTypeBuilder<ScheduledJobRun> builder)
    {
        builder.ToTable("scheduled_job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(40);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
