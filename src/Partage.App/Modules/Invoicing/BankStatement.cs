using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

public enum BankLineStatus
{
    Matched,
    PartlyMatched,
    Unmatched,
}

/// <summary>An imported ISO 20022 camt.053 statement: imported once per entity and statement id.</summary>
public sealed class BankStatement
{
    public Guid Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string StatementId { get; init; } = string.Empty;

    public string MessageId { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string Iban { get; init; } = string.Empty;

    public string FileSha256 { get; init; } = string.Empty;

    public DateTime ImportedAt { get; init; }

    public string ImportedBy { get; init; } = string.Empty;

    public List<BankStatementLine> Lines { get; init; } = [];
}

/// <summary>A credit of a statement: what of it paid which invoices, and what waits on the suspense account for manual matching.</summary>
public sealed class BankStatementLine : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public Guid StatementId { get; init; }

    public int Position { get; init; }

    public string BankReference { get; init; } = string.Empty;

    public DateOnly BookingDate { get; init; }

    public long AmountCents { get; init; }

    public string? DebtorName { get; init; }

    public string? CreditorReference { get; init; }

    public string? Remittance { get; init; }

    public BankLineStatus Status { get; set; }

    /// <summary>What is not matched to an invoice yet (on 471).</summary>
    public long UnmatchedCents { get; set; }

    public EntryId? SuspenseEntryId { get; set; }

    public Money Unmatched => Money.Eur(UnmatchedCents);
}

internal sealed class BankStatementConfiguration : IEntityTypeConfiguration<BankStatement>
{
    public void Configure(EntityTypeBuilder<BankStatement> builder)
    {
        builder.ToTable("bank_statements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.StatementId).HasMaxLength(35);
        builder.Property(s => s.MessageId).HasMaxLength(35);
        builder.Property(s => s.Version).HasMaxLength(20);
        builder.Property(s => s.Iban).HasMaxLength(34);
        builder.Property(s => s.FileSha256).HasMaxLength(64);
        builder.Property(s => s.ImportedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.LegalEntityId, s.StatementId }).IsUnique();
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(s => s.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BankStatementLineConfiguration : IEntityTypeConfiguration<BankStatementLine>
{
    public void Configure(EntityTypeBuilder<BankStatementLine> builder)
    {
        builder.ToTable("bank_statement_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.BankReference).HasMaxLength(35);
        builder.Property(l => l.DebtorName).HasMaxLength(140);
        builder.Property(l => l.CreditorReference).HasMaxLength(35);
        builder.Property(l => l.Remittance).HasMaxLength(500);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => new { l.Status, l.BookingDate });
    }
}
