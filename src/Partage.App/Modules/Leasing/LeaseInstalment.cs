using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

public enum InstalmentStatus
{
    /// <summary>Not yet collected.</summary>
    Due,

    /// <summary>Taken from the activity's budget (a posting).</summary>
    Paid,

    /// <summary>Presented by SEPA direct debit on the member's account; paid unless the bank returns it.</summary>
    DirectDebited,

    /// <summary>Neither the budget nor a direct debit paid it: in the lease's arrears until collected.</summary>
    Unpaid,

    /// <summary>Not owed any more: repaid by an early payoff (its capital), or ended by a default.</summary>
    Cancelled,
}

/// <summary>One line of a lease's schedule: its due date, amount, split, and how it was collected.</summary>
public sealed class LeaseInstalment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public LeaseId LeaseId { get; init; }

    public int Number { get; init; }

    public DateOnly DueOn { get; set; }

    public long AmountCents { get; init; }

    public long InterestCents { get; init; }

    public long CapitalCents { get; init; }

    /// <summary>The capital still owed once this instalment is paid.</summary>
    public long RemainingCents { get; init; }

    public InstalmentStatus Status { get; set; }

    public DateOnly? CollectedOn { get; set; }

    /// <summary>The ledger entry that took it (from the budget, or the direct debit presented).</summary>
    public EntryId? EntryId { get; set; }

    /// <summary>The direct-debit file that presented it.</summary>
    public Guid? DirectDebitFileId { get; set; }

    /// <summary>The day the member was told by e-mail that it would be debited (SEPA pre-notification).</summary>
    public DateOnly? PrenotifiedOn { get; set; }
}

/// <summary>A day's SEPA direct-debit file (pain.008.001.08), kept as sent.</summary>
public sealed class DirectDebitFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>The message id: "PRLV-SCIC-20261203-1".</summary>
    public string MessageId { get; init; } = string.Empty;

    public DateOnly CreatedOn { get; init; }

    public DateOnly CollectionOn { get; init; }

    public int Count { get; init; }

    public long TotalCents { get; init; }

    public byte[] Content { get; init; } = [];
}

internal sealed class LeaseInstalmentConfiguration : IEntityTypeConfiguration<LeaseInstalment>, IEntityTypeConfiguration<DirectDebitFile>
{
    public void Configure(EntityTypeBuilder<LeaseInstalment> builder)
    {
        builder.ToTable("leasing_instalments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(14);
        builder.HasOne<Lease>().WithMany().HasForeignKey(i => i.LeaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.LeaseId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.DueOn });
    }

    public void Configure(EntityTypeBuilder<DirectDebitFile> builder)
    {
        builder.ToTable("leasing_direct_debit_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.MessageId).HasMaxLength(35);
        builder.HasIndex(f => f.MessageId).IsUnique();
    }
}
