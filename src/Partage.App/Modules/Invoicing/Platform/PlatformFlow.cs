using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Platform;

public enum FlowDirection
{
    /// <summary>From Partage to the platform: an invoice, or a status Partage gives (encaissée).</summary>
    Out,

    /// <summary>From the platform to Partage: the statuses the client gives an invoice, and the suppliers' invoices.</summary>
    In,
}

public enum PlatformFlowKind
{
    Invoice,
    Lifecycle,

    /// <summary>A month's e-reporting file (transactions or payments) of an entity, syntax FRR.</summary>
    EReport,
}

public enum PlatformFlowState
{
    /// <summary>Waiting to go out (again, after a passing failure, from <see cref="PlatformFlow.NextAttemptAt"/>).</summary>
    Queued,

    /// <summary>Taken by the platform (it gave a flow id).</summary>
    Submitted,

    /// <summary>Refused for good, or given up after the last attempt: finance reads why and decides (send by e-mail, correct the client).</summary>
    Failed,

    /// <summary>An incoming flow read and recorded.</summary>
    Received,

    /// <summary>An incoming flow Partage could not read or match: kept with the reason.</summary>
    Rejected,
}

/// <summary>
/// One exchange with the accredited platform, in either direction — the queue of what goes out and
/// the log of what came in. The tracking id is unique per entity and direction: an invoice is queued
/// once however many times its issue is retried, and an incoming flow is read once however often the
/// platform lists it or calls back.
/// </summary>
public sealed class PlatformFlow : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public LegalEntityId LegalEntityId { get; init; }

    public InvoiceId? InvoiceId { get; set; }

    public FlowDirection Direction { get; init; }

    public PlatformFlowKind Kind { get; init; }

    /// <summary>Out: the invoice number, or "number/212/n" for a status; In: the platform's flow id.</summary>
    public string TrackingId { get; init; } = string.Empty;

    /// <summary>The CDAR status a lifecycle flow carries (e.g. 212 encaissée).</summary>
    public int? StatusCode { get; set; }

    /// <summary>The amount a "encaissée" status reports (the payment it follows), in cents.</summary>
    public long? AmountCents { get; init; }

    public DateOnly? StatusDate { get; init; }

    public PlatformFlowState State { get; set; }

    public string? PlatformFlowId { get; set; }

    /// <summary>The client's addressing identifier in the directory (BT-49), found before the invoice goes out.</summary>
    public string? RecipientAddress { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime QueuedAt { get; init; }

    public DateTime? NextAttemptAt { get; set; }

    public DateTime? DoneAt { get; set; }

    /// <summary>In: the platform's last-change time, from which the next poll searches.</summary>
    public DateTime? PlatformUpdatedAt { get; init; }

    /// <summary>
    /// The file as it goes out, written when the flow is queued: the statuses the entity gives its suppliers'
    /// invoices as their buyer (approved, disputed, refused, paid), which no invoice of Partage's own describes.
    /// </summary>
    public byte[]? Content { get; init; }
}

/// <summary>
/// A status of an invoice's life at the platform (CDAR D22B codes 200–213: déposée … encaissée),
/// given by the platform, the client, or Partage itself. Only added, never changed.
/// </summary>
public sealed class InvoiceLifecycleEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public InvoiceId InvoiceId { get; init; }

    public int Code { get; init; }

    public DateTime At { get; init; }

    /// <summary>The reason given with a refusal or a dispute (CDAR reason code and text).</summary>
    public string? Reason { get; init; }

    /// <summary>"plateforme", "client" or "Partage".</summary>
    public string Source { get; init; } = string.Empty;

    public Guid? FlowId { get; init; }
}

internal sealed class PlatformFlowConfiguration : IEntityTypeConfiguration<PlatformFlow>
{
    public void Configure(EntityTypeBuilder<PlatformFlow> builder)
    {
        builder.ToTable("platform_flows");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Direction).HasConversion<string>().HasMaxLength(3);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.TrackingId).HasMaxLength(64);
        builder.Property(f => f.PlatformFlowId).HasMaxLength(64);
        builder.Property(f => f.RecipientAddress).HasMaxLength(125);
        builder.Property(f => f.LastError).HasMaxLength(1000);
        builder.HasIndex(f => new { f.LegalEntityId, f.Direction, f.TrackingId }).IsUnique();
        builder.HasIndex(f => new { f.State, f.NextAttemptAt });
        builder.HasIndex(f => f.InvoiceId);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(f => f.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(f => f.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceLifecycleEventConfiguration : IEntityTypeConfiguration<InvoiceLifecycleEvent>
{
    public void Configure(EntityTypeBuilder<InvoiceLifecycleEvent> builder)
    {
        builder.ToTable("invoice_lifecycle_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.HasIndex(e => new { e.InvoiceId, e.At });
        builder.HasOne<Invoice>().WithMany().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
