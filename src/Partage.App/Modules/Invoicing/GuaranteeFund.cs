using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

public enum CoverStatus
{
    Covered,
    Recovered,
    WrittenOff,
}

/// <summary>An invoice the guarantee fund took over (ADR 0006): what was left to pay then, and what became of it.</summary>
public sealed class GuaranteeCover
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public DateOnly CoveredOn { get; init; }

    public long AmountCents { get; init; }

    public CoverStatus Status { get; set; }

    public EntryId CoverEntryId { get; init; }

    public EntryId? WriteOffEntryId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string CoveredBy { get; init; } = string.Empty;
}

internal sealed class GuaranteeCoverConfiguration : IEntityTypeConfiguration<GuaranteeCover>
{
    public void Configure(EntityTypeBuilder<GuaranteeCover> builder)
    {
        builder.ToTable("guarantee_covers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.CoveredBy).HasMaxLength(200);
        builder.HasIndex(c => c.InvoiceId).IsUnique();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record EligibleInvoice(InvoiceId Id, string Number, string Entity, string ClientName, DateOnly DueDate, int DaysLate, Money Remaining, bool OrderConfirmed);

public sealed record CoverView(InvoiceId InvoiceId, string Number, string Entity, string ClientName, string Office, DateOnly CoveredOn, Money Amount, CoverStatus Status, DateOnly? ClosedOn);

public sealed record FundSummary(IReadOnlyList<(string Entity, Money Balance, Money Exposure)> Entities, IReadOnlyList<(string Client, Money Exposure)> ByClient, IReadOnlyList<(string Office, Money Exposure)> ByOffice, IReadOnlyList<CoverView> History);
