using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Audit;

/// <summary>An append-only record of a change: who, what, when, on which resource, before and after.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTime OccurredAt { get; init; }

    public Guid? ActorUserId { get; init; }

    public string ActorName { get; init; } = string.Empty;

    /// <summary>A stable verb, e.g. "members.created", "members.iban_changed".</summary>
    public string Action { get; init; } = string.Empty;

    public string ResourceType { get; init; } = string.Empty;

    public string ResourceId { get; init; } = string.Empty;

    public string? Before { get; init; }

    public string? After { get; init; }
}

public interface IAuditLog
{
    /// <summary>
    /// Adds an audit row to the current unit of work: it is written by the handler's own
    /// SaveChanges, in the same transaction as the change it describes. Sensitive values
    /// (IBAN, NIR) must be passed masked.
    /// </summary>
    void Record(Actor actor, string action, string resourceType, string resourceId, object? before, object? after);

    /// <summary>
    /// Someone other than the person read full IBANs or social security numbers (a payment file, a declaration, a contract):
    /// action `personal_data.read`, written at once with its own save, whatever the request does next.
    /// </summary>
    Task RecordPersonalDataReadAsync(Actor actor, string file, int? people, CancellationToken ct = default);

    /// <summary>
    /// Erasure: the before and after values of a resource's rows are blanked (who did what and when stays), since they
    /// hold the person's data. Runs in the caller's transaction.
    /// </summary>
    Task RedactAsync(string resourceType, string resourceId, CancellationToken ct = default);
}

internal sealed class AuditLog(PartageDbContext db, TimeProvider clock) : IAuditLog
{
    // Stored, never rendered as HTML: keep accents and masks readable in the table.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(Actor actor, string action, string resourceType, string resourceId, object? before, object? after)
    {
        db.Set<AuditEvent>().Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }

    public Task RedactAsync(string resourceType, string resourceId, CancellationToken ct = default) =>
        db.Set<AuditEvent>().Where(e => e.ResourceType == resourceType && e.ResourceId == resourceId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Before, (string?)null).SetProperty(e => e.After, (string?)null), ct);

    public async Task RecordPersonalDataReadAsync(Actor actor, string file, int? people, CancellationToken ct = default)
    {
        Record(actor, "personal_data.read", "file", file.Length > 100 ? file[..100] : file, null, new { File = file, People = people });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.ResourceType).HasMaxLength(100);
        builder.Property(e => e.ResourceId).HasMaxLength(100);
        builder.HasIndex(e => new { e.ResourceType, e.ResourceId });
        builder.HasIndex(e => e.OccurredAt);
    }
}

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<IAuditLog, AuditLog>();
}
