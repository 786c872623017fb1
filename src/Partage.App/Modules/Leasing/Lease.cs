using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing;

public enum LeaseStatus
{
    /// <summary>Asked by the member: waits for the activity manager or finance.</summary>
    Requested,

    /// <summary>Refused, with a reason the member sees.</summary>
    Refused,

    /// <summary>Approved with its terms: waits for finance to record the purchase.</summary>
    Approved,

    /// <summary>Bought and registered as the cooperative's asset: the schedule runs.</summary>
    Active,

    /// <summary>The remaining capital was repaid early: no future instalment.</summary>
    PaidOff,

    /// <summary>Every instalment paid; ownership transferred to the member for the residual value.</summary>
    Ended,

    /// <summary>Arrears over the setting: the cooperative recovers the equipment.</summary>
    Defaulted,
}

/// <summary>
/// Equipment the cooperative buys for a member's activity and leases to it (the report's "Matlease"): the request, the terms
/// approved, the purchase and the asset, the direct-debit mandate used when the budget is short, and the events of its life.
/// The cooperative owns the equipment until the end of the lease. The schedule's lines are <see cref="LeaseInstalment"/>.
/// </summary>
public sealed class Lease : IVersioned
{
    public int RowVersion { get; set; }

    public LeaseId Id { get; init; }

    /// <summary>"LOC-2026-000012": taken at the request, in the entity's series.</summary>
    public string Number { get; init; } = string.Empty;

    public LegalEntityId LegalEntityId { get; init; }

    public ActivityId ActivityId { get; init; }

    public MemberId MemberId { get; init; }

    public OfficeId OfficeId { get; init; }

    public LeaseStatus Status { get; set; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The kind of equipment (<see cref="LeasingTerms.KindsOn"/>): its asset account and useful life.</summary>
    public string Kind { get; init; } = string.Empty;

    public string Supplier { get; init; } = string.Empty;

    /// <summary>The supplier's quote (SHA-256 key in the attachment store), if the member attached it.</summary>
    public string? QuoteHash { get; set; }

    public string? QuoteName { get; set; }

    public long PriceExclVatCents { get; init; }

    public long PriceInclVatCents { get; init; }

    public int WishedMonths { get; init; }

    public DateOnly RequestedOn { get; init; }

    public string RequestedBy { get; init; } = string.Empty;

    public LeaseTerms? Terms { get; set; }

    public string? RefusalReason { get; set; }

    public LeasePurchase? Purchase { get; set; }

    public DirectDebitMandate? Mandate { get; set; }

    /// <summary>Months added at the end by pauses.</summary>
    public int PausedMonths { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>What closed it: the early payoff's, the end's (invoice number of the transfer) or the default's record.</summary>
    public string? ClosingNote { get; set; }

    public DateTime CreatedAt { get; init; }

    public long FinancedCents => PriceExclVatCents - (Terms?.DepositCents ?? 0);
}

/// <summary>What the approval fixed: the duration, the rate or fee in force that day, the deposit, the first due date.</summary>
public sealed class LeaseTerms
{
    public int Months { get; set; }

    public decimal AnnualRatePercent { get; set; }

    public long MonthlyFeeCents { get; set; }

    public long DepositCents { get; set; }

    public DateOnly FirstDueOn { get; set; }

    public int DueDay { get; set; }

    public DateOnly ApprovedOn { get; set; }

    public string ApprovedBy { get; set; } = string.Empty;

    public DueDates Dates => new(FirstDueOn, DueDay);
}

/// <summary>The supplier's invoice as finance recorded it, and the asset it became.</summary>
public sealed class LeasePurchase
{
    public string InvoiceNumber { get; set; } = string.Empty;

    public DateOnly InvoiceDate { get; set; }

    public long AmountExclVatCents { get; set; }

    public long VatCents { get; set; }

    public string AssetAccount { get; set; } = string.Empty;

    public int UsefulLifeYears { get; set; }

    public EntryId EntryId { get; set; }
}

/// <summary>The member's SEPA direct-debit mandate for this lease: its unique reference (RUM), the debtor's account, the day signed.</summary>
public sealed class DirectDebitMandate
{
    public string Reference { get; set; } = string.Empty;

    public string DebtorName { get; set; } = string.Empty;

    public string Iban { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    /// <summary>Whether a debit was already presented under it: the first is FRST, the next ones RCUR.</summary>
    public bool Used { get; set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("leasing_leases");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(l => l.Description).HasMaxLength(500);
        builder.Property(l => l.Kind).HasMaxLength(20);
        builder.Property(l => l.Supplier).HasMaxLength(200);
        builder.Property(l => l.QuoteHash).HasMaxLength(64);
        builder.Property(l => l.QuoteName).HasMaxLength(200);
        builder.Property(l => l.RequestedBy).HasMaxLength(200);
        builder.Property(l => l.RefusalReason).HasMaxLength(500);
        builder.Property(l => l.ClosingNote).HasMaxLength(500);
        builder.Ignore(l => l.FinancedCents);
        builder.OwnsOne(l => l.Terms, t =>
        {
            t.Property(x => x.AnnualRatePercent).HasPrecision(9, 4);
            t.Property(x => x.ApprovedBy).HasMaxLength(200);
            t.Ignore(x => x.Dates);
        });
        builder.OwnsOne(l => l.Purchase, p =>
        {
            p.Property(x => x.InvoiceNumber).HasMaxLength(60);
            p.Property(x => x.AssetAccount).HasMaxLength(10);
        });
        builder.OwnsOne(l => l.Mandate, m =>
        {
            m.Property(x => x.Reference).HasMaxLength(35);
            m.Property(x => x.DebtorName).HasMaxLength(140);
            m.Property(x => x.Iban).HasMaxLength(34);
            m.HasIndex(x => x.Reference).IsUnique();
        });
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => new { l.Status, l.OfficeId });
        builder.HasIndex(l => l.ActivityId);
        builder.HasIndex(l => l.MemberId);
    }
}
