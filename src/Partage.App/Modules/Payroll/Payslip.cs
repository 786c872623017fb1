using Partage.App.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

public enum PayslipStatus
{
    /// <summary>Computed at the end of the service, waiting for payroll staff.</summary>
    Computed,

    /// <summary>Validated: the payroll entry is posted; the net wage waits for its pay day.</summary>
    Validated,

    /// <summary>In a payment batch released to the bank.</summary>
    Paid,
}

/// <summary>
/// The payslip of a job's month (one for a job within a month; one per month end and one at the
/// end of the service for a longer one), computed once by the engine; its figures never change
/// after validation.
/// </summary>
public sealed class Payslip : IVersioned
{
    public int RowVersion { get; set; }

    public PayslipId Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public JobId JobId { get; init; }

    public MemberId MemberId { get; init; }

    public ActivityId ActivityId { get; init; }

    public OfficeId OfficeId { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string Period { get; init; } = string.Empty;

    /// <summary>The first day of the contract in the period.</summary>
    public DateOnly From { get; init; }

    /// <summary>The last day of the contract in the period: the month end, or the end of the service.</summary>
    public DateOnly To { get; init; }

    /// <summary>The payslip of the service's last month: once it exists, the job has all its payslips.</summary>
    public bool Final { get; init; }

    /// <summary>The engine's whole result (lines, reductions, totals) in the contract's JSON.</summary>
    public string ResultJson { get; init; } = string.Empty;

    /// <summary>The amounts kept from the engine's result and the tax withheld (shared with the employers' staff payslips).</summary>
    public PayslipFigures Figures { get; init; } = null!;

    public DateOnly DueOn { get; init; }

    /// <summary>Withheld after the net pay (the member's cooperative shares, <see cref="IPayslipDeductions"/>); zero for most payslips.</summary>
    public long DeductionCents { get; set; }

    public string? DeductionLabel { get; set; }

    /// <summary>What the bank transfer pays: the net pay less what is withheld after it.</summary>
    public long TransferCents => Figures.NetPaidCents - DeductionCents;

    public PayslipStatus Status { get; set; }

    public DateTime ComputedAt { get; init; }

    public DateTime? ValidatedAt { get; set; }

    public string? ValidatedBy { get; set; }

    public EntryId? PayrollEntryId { get; set; }

    public Guid? PaymentBatchId { get; set; }

    public DateOnly? PaidOn { get; set; }
}

internal sealed class PayslipConfiguration : IEntityTypeConfiguration<Payslip>
{
    public void Configure(EntityTypeBuilder<Payslip> builder)
    {
        builder.ToTable("payroll_payslips");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(35);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => new { p.From, p.OfficeId });   // the gross pay of a period (the offices' dashboards)
        builder.HasIndex(p => new { p.JobId, p.Period }).IsUnique();
        builder.Property(p => p.Period).HasMaxLength(7);
        builder.MapFigures(p => p.Figures);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.ValidatedBy).HasMaxLength(200);
        builder.Property(p => p.DeductionLabel).HasMaxLength(120);
        builder.Ignore(p => p.TransferCents);
        builder.HasOne<Job>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.DueOn });
        builder.HasIndex(p => p.MemberId);
        builder.HasIndex(p => p.PaymentBatchId);
    }
}

public enum PaymentBatchStatus
{
    /// <summary>Built: its payslips are reserved to it; nothing is sent yet.</summary>
    Built,

    /// <summary>Released to the bank: the payment is posted and the SEPA file may be exported.</summary>
    Released,
}

/// <summary>One day's SEPA credit transfer of an entity's due net wages (pain.001.001.09).</summary>
public sealed class PaymentBatch : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public LegalEntityId LegalEntityId { get; init; }

    public DateOnly ExecutionDate { get; init; }

    public int Count { get; init; }

    public long TotalCents { get; init; }

    public PaymentBatchStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReleasedAt { get; set; }

    public string? ReleasedBy { get; set; }

    /// <summary>The second person's approval of a batch above the setting (<see cref="PayrollOptions.SecondApprovalAboveCents"/>).</summary>
    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public Guid? ApprovedByUserId { get; set; }

    public EntryId? PaymentEntryId { get; set; }
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> builder)
    {
        builder.ToTable("payroll_payment_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Number).HasMaxLength(35);
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasIndex(b => new { b.LegalEntityId, b.ExecutionDate });
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(b => b.ReleasedBy).HasMaxLength(200);
        builder.Property(b => b.ApprovedBy).HasMaxLength(200);
    }
}
