using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases;

public enum SupplierInvoiceStatus
{
    /// <summary>Received and checked; waits for the member of its activity (or a manager) to approve or dispute it.</summary>
    ToApprove,

    /// <summary>Approved and posted (expense, deductible VAT, supplier): paid on its due date in the day's SEPA batch.</summary>
    Approved,

    /// <summary>Contested by the buyer; the status went back to the supplier. A credit note or a corrected invoice follows.</summary>
    Disputed,

    /// <summary>In a released SEPA batch.</summary>
    Paid,
}

/// <summary>
/// An invoice a supplier addressed to one of the group's entities through the accredited platform, for a member's
/// activity. Its figures are the supplier's (checked when it arrived); its original file is kept in the attachment
/// store under its SHA-256. Approval posts it (the entity owes it) and puts it in the queue of payments; payment goes
/// in the wage batches. Its status moves only through its methods.
/// </summary>
public sealed class SupplierInvoice : IVersioned
{
    public int RowVersion { get; set; }

    public SupplierInvoiceId Id { get; init; } = new(Guid.CreateVersion7());

    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>Partage's own number for it, given when approved (ACH-LNA-2026-000001): the purchase journal's piece and the payment's end-to-end id.</summary>
    public string? Number { get; private set; }

    public string SupplierSiren { get; init; } = string.Empty;

    public string SupplierName { get; init; } = string.Empty;

    public string? SupplierVatNumber { get; init; }

    /// <summary>Where the statuses go: the seller's electronic address (BT-34), else its SIREN.</summary>
    public string SupplierAddress { get; init; } = string.Empty;

    public string SupplierIban { get; init; } = string.Empty;

    /// <summary>The supplier's number (BT-1) and dates (BT-2, BT-9: the due date, else 30 days after issue — the legal default).</summary>
    public string InvoiceNumber { get; init; } = string.Empty;

    public DateOnly IssueDate { get; init; }

    public DateOnly DueDate { get; init; }

    /// <summary>"380" invoice; credit notes ("381") are refused for now: the supplier's credit is settled by hand.</summary>
    public string TypeCode { get; init; } = "380";

    public long NetCents { get; init; }

    public long VatCents { get; init; }

    public long TotalCents { get; init; }

    /// <summary>What is left to pay (BT-115): the total less any prepayment.</summary>
    public long PayableCents { get; init; }

    /// <summary>The reference the member gave the supplier (BT-10 buyer reference, else BT-13 order), by which the activity was found.</summary>
    public string? BuyerReference { get; init; }

    public string Summary { get; init; } = string.Empty;

    /// <summary>"Factur-X", "CII" or "UBL".</summary>
    public string Syntax { get; init; } = string.Empty;

    public string FileName { get; init; } = string.Empty;

    /// <summary>The SHA-256 of the original file, its key in the attachment store.</summary>
    public string FileHash { get; init; } = string.Empty;

    public string PlatformFlowId { get; init; } = string.Empty;

    public ActivityId? ActivityId { get; private set; }

    /// <summary>The activity's office, kept to scope the lists in SQL (a manager sees their office's).</summary>
    public OfficeId? OfficeId { get; private set; }

    public MemberId? MemberId { get; private set; }

    public ExpenseCategory? Category { get; private set; }

    public SupplierInvoiceStatus Status { get; private set; }

    public DateTime ReceivedAt { get; init; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DisputeReason { get; private set; }

    public EntryId? EntryId { get; private set; }

    /// <summary>The supplier's own account (401, auxiliary F + SIREN) the approval credited and the payment debits.</summary>
    public AccountId? SupplierAccountId { get; private set; }

    public Guid? PaymentBatchId { get; set; }

    public DateOnly? PaidOn { get; private set; }

    public Money Payable => Money.Eur(PayableCents);

    public SupplierInvoiceReference Reference => new(InvoiceNumber, IssueDate, SupplierSiren, SupplierName, SupplierAddress);

    public void AssignTo(ActivityId activity, OfficeId office, MemberId member)
    {
        Require(SupplierInvoiceStatus.ToApprove);
        (ActivityId, OfficeId, MemberId) = (activity, office, member);
    }

    public void Approve(string number, ExpenseCategory category, EntryId entry, AccountId supplierAccount, string by, DateTime at)
    {
        Require(SupplierInvoiceStatus.ToApprove);
        (Status, Number, Category, EntryId, SupplierAccountId, DecidedBy, DecidedAt) = (SupplierInvoiceStatus.Approved, number, category, entry, supplierAccount, by, at);
    }

    public void Dispute(string reason, string by, DateTime at)
    {
        Require(SupplierInvoiceStatus.ToApprove);
        (Status, DisputeReason, DecidedBy, DecidedAt) = (SupplierInvoiceStatus.Disputed, reason, by, at);
    }

    public void MarkPaid(DateOnly on)
    {
        Require(SupplierInvoiceStatus.Approved);
        (Status, PaidOn) = (SupplierInvoiceStatus.Paid, on);
    }

    private void Require(SupplierInvoiceStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainException(PurchasesErrors.WrongStatus, $"Cette facture est {SupplierInvoiceLabels.Status(Status).ToLowerInvariant()} : elle ne peut plus changer ainsi.");
        }
    }
}

public static class SupplierInvoiceLabels
{
    public static string Status(SupplierInvoiceStatus status) => status switch
    {
        SupplierInvoiceStatus.ToApprove => "À approuver",
        SupplierInvoiceStatus.Approved => "Approuvée",
        SupplierInvoiceStatus.Disputed => "Contestée",
        _ => "Payée",
    };
}

internal sealed class SupplierInvoiceConfiguration : IEntityTypeConfiguration<SupplierInvoice>
{
    public void Configure(EntityTypeBuilder<SupplierInvoice> builder)
    {
        builder.ToTable("supplier_invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(40);
        builder.Property(i => i.SupplierSiren).HasMaxLength(9);
        builder.Property(i => i.SupplierName).HasMaxLength(200);
        builder.Property(i => i.SupplierVatNumber).HasMaxLength(20);
        builder.Property(i => i.SupplierAddress).HasMaxLength(125);
        builder.Property(i => i.SupplierIban).HasMaxLength(34);
        builder.Property(i => i.InvoiceNumber).HasMaxLength(60);
        builder.Property(i => i.TypeCode).HasMaxLength(3);
        builder.Property(i => i.BuyerReference).HasMaxLength(100);
        builder.Property(i => i.Summary).HasMaxLength(300);
        builder.Property(i => i.Syntax).HasMaxLength(10);
        builder.Property(i => i.FileName).HasMaxLength(120);
        builder.Property(i => i.FileHash).HasMaxLength(64);
        builder.Property(i => i.PlatformFlowId).HasMaxLength(64);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.DecidedBy).HasMaxLength(200);
        builder.Property(i => i.DisputeReason).HasMaxLength(500);
        builder.Ignore(i => i.Payable);
        builder.Ignore(i => i.Reference);
        builder.HasIndex(i => i.Number).IsUnique();
        // A supplier's invoice is taken once per buyer, however the platform delivers it again.
        builder.HasIndex(i => new { i.LegalEntityId, i.SupplierSiren, i.InvoiceNumber }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.DueDate });
        builder.HasIndex(i => i.ActivityId);
        builder.HasIndex(i => i.OfficeId);
        builder.HasIndex(i => i.PaymentBatchId);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(i => i.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
