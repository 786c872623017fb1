using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.Governance;

public enum ShareMovementKind
{
    /// <summary>New shares subscribed: capital grows, unpaid until paid.</summary>
    Subscription,

    /// <summary>Subscribed shares paid (by bank or by a payroll deduction).</summary>
    Payment,

    /// <summary>Paid shares handed to another shareholder (the register's two lines: out and in).</summary>
    TransferOut,

    TransferIn,

    /// <summary>A leaving shareholder's shares taken back after the statutory delay: capital shrinks, the paid part is owed to them.</summary>
    Redemption,
}

public enum PaymentMeans
{
    Bank,
    PayrollDeduction,
}

/// <summary>
/// One numbered line of the share register: what it changed of the holder's shares, subscribed capital and paid capital
/// (signed), the day, the decision and who recorded it, sealed by a hash of all of it (printed on the certificate).
/// Movements are never changed or deleted: the register at a date is the sum of the movements up to it.
/// </summary>
public sealed class ShareMovement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>"PS-SCIC-000042": one series per entity, never reused.</summary>
    public string Number { get; init; } = string.Empty;

    public ShareholderId ShareholderId { get; init; }

    public ShareMovementKind Kind { get; init; }

    public DateOnly On { get; init; }

    public int Shares { get; init; }

    public long SubscribedCents { get; init; }

    public long PaidCents { get; init; }

    public PaymentMeans? Means { get; init; }

    /// <summary>The payslip a deduction was withheld from.</summary>
    public PayslipId? PayslipId { get; init; }

    /// <summary>The other side of a transfer.</summary>
    public ShareholderId? CounterpartId { get; init; }

    public string? Decision { get; init; }

    public string RecordedBy { get; init; } = string.Empty;

    public DateTime RecordedAt { get; init; }

    public EntryId? EntryId { get; init; }

    /// <summary>SHA-256 of the movement's content: what the certificate prints as its signature.</summary>
    public string Seal { get; init; } = string.Empty;
}

/// <summary>
/// A share deduction reserved on a computed payslip (so two payslips computed before either is validated never take
/// more than is owed); settled — a payment movement and its entry — when the payslip is validated.
/// </summary>
public sealed class ShareDeduction
{
    public PayslipId PayslipId { get; init; }

    public ShareholderId ShareholderId { get; init; }

    public long AmountCents { get; init; }

    /// <summary>The payslip's pay day: the day the share is paid.</summary>
    public DateOnly PayDay { get; init; }

    /// <summary>The entity whose payslip withheld it: the cooperative itself, or another entity of the group, which then owes it the amount (451).</summary>
    public LegalEntityId WithheldBy { get; init; }

    public Guid? MovementId { get; set; }
}

internal sealed class ShareMovementConfiguration : IEntityTypeConfiguration<ShareMovement>, IEntityTypeConfiguration<ShareDeduction>
{
    public void Configure(EntityTypeBuilder<ShareMovement> builder)
    {
        builder.ToTable("governance_share_movements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Number).HasMaxLength(35);
        builder.HasIndex(m => new { m.LegalEntityId, m.Number }).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(14);
        builder.Property(m => m.Means).HasConversion<string>().HasMaxLength(18);
        builder.Property(m => m.Decision).HasMaxLength(300);
        builder.Property(m => m.RecordedBy).HasMaxLength(200);
        builder.Property(m => m.Seal).HasMaxLength(64);
        builder.HasOne<Shareholder>().WithMany().HasForeignKey(m => m.ShareholderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ShareholderId, m.On });
        builder.HasIndex(m => new { m.LegalEntityId, m.On });
        builder.HasIndex(m => m.PayslipId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ShareDeduction> builder)
    {
        builder.ToTable("governance_share_deductions");
        builder.HasKey(d => d.PayslipId);
        builder.HasOne<Shareholder>().WithMany().HasForeignKey(d => d.ShareholderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ShareholderId);
    }
}
