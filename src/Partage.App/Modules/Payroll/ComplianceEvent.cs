using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>The rules a job is refused or flagged under; <see cref="Label"/> says them as staff read them.</summary>
public static class ComplianceRules
{
    public const string Function = "function";
    public const string Guso = "guso";
    public const string Licence = "licence";
    public const string Minimum = "minimum";
    public const string Budget = "budget";
    public const string Overlap = "overlap";
    public const string SameOrganiser = "same_organiser";
    public const string OccasionalBuyer = "occasional_buyer";
    public const string SelfDirected = "self_directed";
    public const string SelfCountersigned = "self_countersigned";
    public const string NamedManager = "named_manager";

    public static string Label(string rule) => rule switch
    {
        Function => "Fonction hors des annexes 8 et 10",
        Guso => "Organisateur occasionnel : GUSO",
        Licence => "Licence d'entrepreneur de spectacles",
        Minimum => "Salaire sous le minimum",
        Budget => "Budget de l'activité",
        Overlap => "Dates qui se chevauchent",
        SameOrganiser => "Toujours le même organisateur",
        OccasionalBuyer => "Spectacle vendu à un organisateur hors spectacle",
        SelfDirected => "Le membre vend, distribue et dirige",
        SelfCountersigned => "Contre-signature par le membre lui-même",
        NamedManager => "Contre-signature hors du gestionnaire nommé",
        _ => rule,
    };
}

public enum ComplianceOutcome
{
    /// <summary>No contract: the declaration or the countersignature was refused.</summary>
    Refused,

    /// <summary>A contract exists, with a warning sign for the manager who validates it.</summary>
    Flagged,
}

/// <summary>
/// A job refused or flagged under a rule of employment law, kept for the compliance page (by office and month): what was
/// refused is otherwise lost with the request that carried it.
/// </summary>
public sealed class ComplianceEvent
{
    public Guid Id { get; init; }

    public OfficeId OfficeId { get; init; }

    public MemberId MemberId { get; init; }

    public ActivityId ActivityId { get; init; }

    /// <summary>The contract, when one exists (flags, refused countersignatures); a refused declaration has none.</summary>
    public JobId? JobId { get; init; }

    public string? JobNumber { get; init; }

    /// <summary>What the job was: its description as declared.</summary>
    public string Job { get; init; } = string.Empty;

    public ComplianceOutcome Outcome { get; init; }

    /// <summary>"declaration" or "countersignature".</summary>
    public string Step { get; init; } = string.Empty;

    public string Rule { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    /// <summary>The day in Paris, for the month filter.</summary>
    public DateOnly On { get; init; }

    public DateTime At { get; init; }

    public string By { get; init; } = string.Empty;
}

internal sealed class ComplianceEventConfiguration : IEntityTypeConfiguration<ComplianceEvent>
{
    public void Configure(EntityTypeBuilder<ComplianceEvent> builder)
    {
        builder.ToTable("payroll_compliance_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.JobNumber).HasMaxLength(35);
        builder.Property(e => e.Job).HasMaxLength(300);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Step).HasMaxLength(20);
        builder.Property(e => e.Rule).HasMaxLength(30);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.By).HasMaxLength(200);
        builder.HasIndex(e => new { e.OfficeId, e.On });
        builder.HasIndex(e => e.JobId);
    }
}

/// <summary>Writes the refusals and flags of jobs; a refusal is saved on its own, since the request that carried it fails.</summary>
public sealed class ComplianceLog(PartageDbContext db, TimeProvider clock)
{
    public const string Declaration = "declaration";
    public const string Countersignature = "countersignature";

    /// <summary>A refusal, saved at once (outside any transaction the refused command rolls back).</summary>
    public async Task RefusedAsync(
        (OfficeId Office, MemberId Member, ActivityId Activity, string Job) subject, Job? job, string step, IEnumerable<(string Rule, string Message)> problems, Actor actor, CancellationToken ct)
    {
        foreach (var (rule, message) in problems)
        {
            db.Add(New(subject, job, ComplianceOutcome.Refused, step, rule, message, actor));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A warning sign on a new contract, saved with it.</summary>
    public void Flag(Job job, string rule, string message, Actor actor) =>
        db.Add(New((job.OfficeId, job.MemberId, job.ActivityId, job.Description), job, ComplianceOutcome.Flagged, Declaration, rule, message, actor));

    private ComplianceEvent New((OfficeId Office, MemberId Member, ActivityId Activity, string Job) subject, Job? job, ComplianceOutcome outcome, string step, string rule, string message, Actor actor)
    {
        var now = clock.GetUtcNow();
        return new ComplianceEvent
        {
            Id = Guid.NewGuid(), OfficeId = subject.Office, MemberId = subject.Member, ActivityId = subject.Activity, JobId = job?.Id, JobNumber = job?.Number,
            Job = subject.Job.Length > 300 ? subject.Job[..300] : subject.Job, Outcome = outcome, Step = step, Rule = rule,
            Reason = message.Length > 2000 ? message[..2000] : message, On = clock.Today(), At = now.UtcDateTime, By = actor.Name,
        };
    }
}
