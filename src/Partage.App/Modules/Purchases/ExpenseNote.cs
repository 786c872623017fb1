using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases;

public enum ExpenseNoteStatus
{
    /// <summary>Recorded by the member; waits for a manager of the office (or finance).</summary>
    Submitted,

    /// <summary>Approved and posted (expense, deductible VAT, what the entity owes the member on 421): reimbursed in the next SEPA batch.</summary>
    Approved,

    /// <summary>Refused with a reason: nothing posted or paid.</summary>
    Refused,

    /// <summary>Reimbursed in a released batch.</summary>
    Paid,
}

/// <summary>
/// An expense a member paid personally for their activity: a purchase with its receipt (amount including VAT and the
/// deductible VAT it shows), a trip with their own car at the kilometre scale, or the meals and nights of a job at
/// the payroll's flat-rate allowances. A manager approves it; the
/// reimbursement joins the next wage batch. The receipt is kept in the attachment store under its SHA-256.
/// </summary>
public sealed class ExpenseNote : IVersioned
{
    public int RowVersion { get; set; }

    public ExpenseNoteId Id { get; init; } = new(Guid.CreateVersion7());

    public LegalEntityId LegalEntityId { get; init; }

    public ActivityId ActivityId { get; init; }

    public OfficeId OfficeId { get; init; }

    public MemberId MemberId { get; init; }

    /// <summary>Given when approved (NDF-LNA-2026-000001): the piece of the entry and the payment's end-to-end id.</summary>
    public string? Number { get; private set; }

    public DateOnly Date { get; init; }

    public string Description { get; init; } = string.Empty;

    public ExpenseCategory Category { get; init; }

    public long AmountCents { get; init; }

    /// <summary>The deductible VAT the receipt shows (zero for a trip at the scale).</summary>
    public long VatCents { get; init; }

    /// <summary>A trip: its distance, the car's fiscal power and whether it is electric (the scale's +20 %).</summary>
    public decimal? Kilometres { get; init; }

    public int? FiscalPower { get; init; }

    public bool Electric { get; init; }

    /// <summary>A flat-rate allowance for a job's meals or nights: the job (CT-LNA-2026-000001), the allowance and how many.</summary>
    public string? JobNumber { get; init; }

    public JobAllowance? Allowance { get; init; }

    public int? AllowanceCount { get; init; }

    public string? ReceiptHash { get; init; }

    public string? ReceiptName { get; init; }

    public string? ReceiptType { get; init; }

    public ExpenseNoteStatus Status { get; private set; }

    public DateTime SubmittedAt { get; init; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? RefusalReason { get; private set; }

    public EntryId? EntryId { get; private set; }

    public Guid? PaymentBatchId { get; set; }

    public DateOnly? PaidOn { get; private set; }

    public Money Amount => Money.Eur(AmountCents);

    public void Approve(string number, EntryId entry, string by, DateTime at)
    {
        Require(ExpenseNoteStatus.Submitted);
        (Status, Number, EntryId, DecidedBy, DecidedAt) = (ExpenseNoteStatus.Approved, number, entry, by, at);
    }

    public void Refuse(string reason, string by, DateTime at)
    {
        Require(ExpenseNoteStatus.Submitted);
        (Status, RefusalReason, DecidedBy, DecidedAt) = (ExpenseNoteStatus.Refused, reason, by, at);
    }

    public void MarkPaid(DateOnly on)
    {
        Require(ExpenseNoteStatus.Approved);
        (Status, PaidOn) = (ExpenseNoteStatus.Paid, on);
    }

    private void Require(ExpenseNoteStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException(PurchasesErrors.WrongStatus, $"Cette note de frais est {ExpenseNoteLabels.Status(Status).ToLowerInvariant()} : elle ne peut plus changer ainsi.");
        }
    }
}

public static class ExpenseNoteLabels
{
    public static string Status(ExpenseNoteStatus status) => status switch
    {
        ExpenseNoteStatus.Submitted => "À approuver",
        ExpenseNoteStatus.Approved => "Approuvée",
        ExpenseNoteStatus.Refused => "Refusée",
        _ => "Remboursée",
    };
}

internal sealed class ExpenseNoteConfiguration : IEntityTypeConfiguration<ExpenseNote>
{
    public void Configure(EntityTypeBuilder<ExpenseNote> builder)
    {
        builder.ToTable("expense_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Number).HasMaxLength(40);
        builder.Property(n => n.Description).HasMaxLength(300);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Kilometres).HasPrecision(9, 1);
        builder.Property(n => n.JobNumber).HasMaxLength(40);
        builder.Property(n => n.Allowance).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.ReceiptHash).HasMaxLength(64);
        builder.Property(n => n.ReceiptName).HasMaxLength(120);
        builder.Property(n => n.ReceiptType).HasMaxLength(40);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.DecidedBy).HasMaxLength(200);
        builder.Property(n => n.RefusalReason).HasMaxLength(300);
        builder.Ignore(n => n.Amount);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => new { n.MemberId, n.Date });
        builder.HasIndex(n => n.JobNumber);
        builder.HasIndex(n => n.OfficeId);
        builder.HasIndex(n => new { n.Status, n.PaymentBatchId });
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(n => n.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(n => n.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
