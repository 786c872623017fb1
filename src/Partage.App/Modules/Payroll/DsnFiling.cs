using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure.Database;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>Built (kept, to deposit) → Sent (deposited on net-entreprises, its receipt noted) → Replaced (a later file of the month took its place).</summary>
public enum DsnFilingStatus
{
    Built,
    Sent,
    Replaced,
}

/// <summary>
/// A monthly DSN of an entity (or of an employer under mandate, filed by the cooperative) as it was built and kept: the exact bytes deposited, their SHA-256,
/// who built it and when, and its sending state. A month may have several: a file not yet
/// deposited is superseded by a newer one; once deposited, a newer one is an "annule et remplace"
/// until the deadline. Never deleted.
/// </summary>
public sealed class DsnFiling : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    /// <summary>The entity that files it: the employer declared, or the declarant for an employer under mandate.</summary>
    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>The employer under a complete mandate whose DSN the cooperative files in their name; null for the entity's own.</summary>
    public Guid? EmployerId { get; init; }

    /// <summary>That employer's name when it was built, for the lists.</summary>
    public string? EmployerName { get; init; }

    /// <summary>Its due date, set when built (from the declared employer's headcount); older files have it computed.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The month declared, YYYY-MM.</summary>
    public string Period { get; init; } = string.Empty;

    /// <summary>Its rank among the month's files (S20.G00.05.004 is unique by it).</summary>
    public int Ordinal { get; init; }

    /// <summary>S20.G00.05.002: 01 normal, 02 without anyone, 03 annule et remplace, 05 annule et remplace without anyone.</summary>
    public string Type { get; init; } = string.Empty;

    public string FileName { get; init; } = string.Empty;

    public byte[] Content { get; init; } = [];

    public string Sha256 { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public DsnFilingStatus Status { get; set; }

    public DateTime? SentAt { get; set; }

    public string? SentBy { get; set; }

    /// <summary>The deposit's reference on net-entreprises (its receipt), as payroll staff note it.</summary>
    public string? DepositReference { get; set; }
}

internal sealed class DsnFilingConfiguration : IEntityTypeConfiguration<DsnFiling>
{
    public void Configure(EntityTypeBuilder<DsnFiling> builder)
    {
        builder.ToTable("payroll_dsn_filings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Period).HasMaxLength(7);
        builder.Property(f => f.Type).HasMaxLength(2);
        builder.Property(f => f.FileName).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        // The files name every employee with their NIR: encrypted at rest like the NIR itself, read back byte for byte.
        builder.Property(f => f.Content).HasConversion(PersonalDataCipher.FileConverter,
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<byte[]>((a, b) => a!.SequenceEqual(b!), v => v.Length, v => v.ToArray()));
        builder.Property(f => f.CreatedBy).HasMaxLength(200);
        builder.Property(f => f.SentBy).HasMaxLength(200);
        builder.Property(f => f.DepositReference).HasMaxLength(100);
        builder.Property(f => f.EmployerName).HasMaxLength(200);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        // Two files built at once for a month: one wins (the entity's own files, and each employer's, numbered apart).
        builder.HasIndex(f => new { f.LegalEntityId, f.Period, f.Ordinal }).IsUnique().HasFilter("employer_id IS NULL");
        builder.HasIndex(f => new { f.EmployerId, f.Period, f.Ordinal }).IsUnique().HasFilter("employer_id IS NOT NULL");
    }
}
