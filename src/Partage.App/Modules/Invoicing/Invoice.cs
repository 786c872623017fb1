using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

public enum InvoiceKind
{
    Invoice,
    CreditNote,
}

public enum InvoiceStatus
{
    Draft,
    PendingValidation,
    Issued,
    /// <summary>Issued and e-mailed to the client with its Factur-X PDF.</summary>
    Sent,
    PartlyPaid,
    Paid,
    Credited,
    /// <summary>Unpaid long after its due date, taken over by the guarantee fund: the activity keeps its money.</summary>
    Covered,
    /// <summary>Covered, then given up: the loss and the VAT regularisation are posted, borne by the fund.</summary>
    WrittenOff,
}

public static class InvoiceStatuses
{
    /// <summary>Issued and waiting for (the rest of) its payment: dunned, payable, eligible to the guarantee fund.</summary>
    public static readonly InvoiceStatus[] AwaitingPayment = [InvoiceStatus.Issued, InvoiceStatus.Sent, InvoiceStatus.PartlyPaid];

    /// <summary>Those and the covered ones, which a late payment still settles (reimbursing the fund).</summary>
    public static readonly InvoiceStatus[] Payable = [.. AwaitingPayment, InvoiceStatus.Covered];
}

/// <summary>
/// An invoice or credit note of a legal entity, for a member's activity, to a client. A draft can
/// change; issuing gives it its number in the entity's continuous series, freezes its content and
/// figures, and posts the sale. It is never deleted: a credit note cancels it.
/// </summary>
public sealed class Invoice : IVersioned
{
    public int RowVersion { get; set; }

    public InvoiceId Id { get; init; }

    public InvoiceKind Kind { get; init; }

    /// <summary>Moved only by the transitions below, each refusing a move the invoice's life does not allow.</summary>
    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Draft;

    public LegalEntityId LegalEntityId { get; init; }

    public ActivityId ActivityId { get; init; }

    public string ModuleCode { get; init; } = string.Empty;

    public MemberId MemberId { get; init; }

    public OfficeId OfficeId { get; init; }

    public ClientId ClientId { get; set; }

    /// <summary>Assigned at issue (BT-1).</summary>
    public string? Number { get; set; }

    public DateOnly? IssueDate { get; set; }

    public DateOnly? DueDate { get; set; }

    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>Date of the service, or its first day (BG-14).</summary>
    public DateOnly ServiceFrom { get; set; }

    public DateOnly ServiceTo { get; set; }

    public string? BuyerReference { get; set; }

    public string? PurchaseOrder { get; set; }

    /// <summary>The credit note's invoice (BT-25).</summary>
    public InvoiceId? CreditedInvoiceId { get; init; }

    public long NetCents { get; set; }

    public long VatCents { get; set; }

    public long GrossCents { get; set; }

    /// <summary>ISO 11649 structured creditor reference printed on the invoice, for matching transfers.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>Seller and buyer as they were at issue (JSON), so that the document never changes afterwards.</summary>
    public string? PartiesJson { get; set; }

    public EntryId? SaleEntryId { get; set; }

    /// <summary>A dispute recorded with the client: dunning pauses while it lasts.</summary>
    public DateOnly? DisputedSince { get; set; }

    public string? DisputeReason { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public DateTime? IssuedAt { get; set; }

    /// <summary>When the invoice was last e-mailed to the client (with its Factur-X PDF), and to whom.</summary>
    public DateTime? SentAt { get; set; }

    public string? SentTo { get; set; }

    public string? IssuedBy { get; set; }

    public List<InvoiceLine> Lines { get; init; } = [];

    public List<InvoicePayment> Payments { get; init; } = [];

    public Money Net => Money.Eur(NetCents);

    public Money Vat => Money.Eur(VatCents);

    public Money Gross => Money.Eur(GrossCents);

    public Money Paid => Money.Eur(Payments.Sum(p => p.AmountCents));

    public Money Remaining => Gross - Paid;

    public bool IsDraft => Status is InvoiceStatus.Draft or InvoiceStatus.PendingValidation;

    /// <summary>Why the manager sent the invoice back to its member; kept on the draft until it is submitted again.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>A draft above the threshold waits for the manager's validation.</summary>
    public void AwaitValidation()
    {
        MoveTo(InvoiceStatus.PendingValidation, InvoicingErrors.NotDraft, InvoiceStatus.Draft);
        ReturnReason = null;
    }

    /// <summary>The manager sends an invoice waiting for validation back to its member, a draft again, with the reason.</summary>
    public void SendBack(string reason)
    {
        MoveTo(InvoiceStatus.Draft, InvoicingErrors.NotPending, InvoiceStatus.PendingValidation);
        ReturnReason = reason;
    }

    /// <summary>Issued: numbered and frozen (a draft, a validated one, or a new credit note).</summary>
    public void MarkIssued() => MoveTo(InvoiceStatus.Issued, InvoicingErrors.NotDraft, InvoiceStatus.Draft, InvoiceStatus.PendingValidation);

    /// <summary>E-mailed to the client: an issued invoice becomes sent; a later status (paid…) stays.</summary>
    public void MarkSent()
    {
        if (Status == InvoiceStatus.Issued)
        {
            Status = InvoiceStatus.Sent;
        }
    }

    /// <summary>Cancelled by a credit note: only while nothing was paid.</summary>
    public void MarkCredited() => MoveTo(InvoiceStatus.Credited, InvoicingErrors.NotIssued, InvoiceStatus.Issued, InvoiceStatus.Sent);

    /// <summary>Taken over by the guarantee fund: an invoice still awaiting (the rest of) its payment.</summary>
    public void MarkCovered() => MoveTo(InvoiceStatus.Covered, InvoicingErrors.NotIssued, InvoiceStatuses.AwaitingPayment);

    /// <summary>Given up after the fund covered it.</summary>
    public void MarkWrittenOff() => MoveTo(InvoiceStatus.WrittenOff, InvoicingErrors.NotCovered, InvoiceStatus.Covered);

    /// <summary>
    /// After a payment was added: paid when nothing remains; otherwise covered stays covered (the
    /// payment reimburses the fund) and anything else is partly paid.
    /// </summary>
    public void PaymentRecorded()
    {
        var next = Remaining.IsZero ? InvoiceStatus.Paid : Status == InvoiceStatus.Covered ? InvoiceStatus.Covered : InvoiceStatus.PartlyPaid;
        MoveTo(next, InvoicingErrors.NotIssued, InvoiceStatuses.Payable);
    }

    private void MoveTo(InvoiceStatus next, ErrorCode refused, params IReadOnlyCollection<InvoiceStatus> from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(refused);
        }

        Status = next;
    }
}

public sealed class InvoiceLine
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public int Position { get; init; }

    public string Description { get; init; } = string.Empty;

    public decimal Quantity { get; init; }

    /// <summary>UN/ECE rec. 20 code: C62 (unit), HUR (hour), DAY.</summary>
    public string Unit { get; init; } = "C62";

    /// <summary>Net unit price in euros (BT-146), at most 4 decimals.</summary>
    public decimal UnitPrice { get; init; }

    public string VatCode { get; init; } = string.Empty;

    /// <summary>The VAT category (UNTDID 5305) of <see cref="VatCode"/> as it stood when the line was written, refrozen at issue: a later change of the rules never alters an issued invoice.</summary>
    public string VatCategory { get; private set; } = string.Empty;

    /// <summary>The VAT rate in percent, frozen with <see cref="VatCategory"/>.</summary>
    public decimal VatRatePercent { get; private set; }

    public long NetCents { get; init; }

    /// <summary>The VAT treatment this line carries, as frozen.</summary>
    public VatRule Vat => VatRules.Frozen(VatCode, VatCategory, VatRatePercent);

    /// <summary>Freezes the category and rate of a treatment on this line (when it is written, and again at issue with the rule in force on the issue date).</summary>
    public InvoiceLine Freeze(VatRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Code != VatCode)
        {
            throw new InvalidOperationException($"The line carries {VatCode}, not {rule.Code}.");
        }

        (VatCategory, VatRatePercent) = (rule.Category, rule.RatePercent);
        return this;
    }
}

public sealed class InvoicePayment
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public DateOnly Date { get; init; }

    public long AmountCents { get; init; }

    public string Reference { get; init; } = string.Empty;

    public EntryId EntryId { get; init; }

    public DateTime RecordedAt { get; init; }

    public string RecordedBy { get; init; } = string.Empty;
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ReturnReason).HasMaxLength(500);
        builder.Property(i => i.ModuleCode).HasMaxLength(30);
        builder.Property(i => i.Number).HasMaxLength(35);
        builder.Property(i => i.BuyerReference).HasMaxLength(100);
        builder.Property(i => i.PurchaseOrder).HasMaxLength(100);
        builder.Property(i => i.PaymentReference).HasMaxLength(25);
        builder.Property(i => i.DisputeReason).HasMaxLength(300);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        builder.Property(i => i.IssuedBy).HasMaxLength(200);
        builder.Property(i => i.SentTo).HasMaxLength(254);
        builder.HasIndex(i => new { i.LegalEntityId, i.Number }).IsUnique();
        builder.HasIndex(i => i.PaymentReference);
        builder.HasIndex(i => new { i.ActivityId, i.Status });
        builder.HasIndex(i => new { i.OfficeId, i.Status });
        builder.HasIndex(i => i.CreditedInvoiceId).IsUnique();
        builder.HasIndex(i => new { i.IssueDate, i.OfficeId });   // the annual report and the offices' dashboards read invoicing by period
        builder.HasOne<Activity>().WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(i => i.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.ToTable("invoice_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Description).HasMaxLength(500);
        builder.Property(l => l.Unit).HasMaxLength(3);
        builder.Property(l => l.VatCode).HasMaxLength(20);
        builder.Property(l => l.VatCategory).HasMaxLength(2);
        builder.Property(l => l.VatRatePercent).HasPrecision(5, 2);
        builder.Property(l => l.Quantity).HasPrecision(14, 4);
        builder.Property(l => l.UnitPrice).HasPrecision(16, 4);
    }
}

internal sealed class InvoicePaymentConfiguration : IEntityTypeConfiguration<InvoicePayment>
{
    public void Configure(EntityTypeBuilder<InvoicePayment> builder)
    {
        builder.ToTable("invoice_payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reference).HasMaxLength(140);
        builder.Property(p => p.RecordedBy).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("ck_invoice_payments_amount_positive", "amount_cents > 0"));
    }
}
