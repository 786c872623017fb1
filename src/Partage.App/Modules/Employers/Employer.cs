using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Offices;
using Partage.Kernel;

namespace Partage.App.Modules.Employers;

public enum EmployerLegalForm
{
    Association,
    Sarl,
    Sas,
    Scic,
    Scop,
    SoleTrader,
    Other,
}

public enum EmployerSector
{
    LivePerformance,
    Audiovisual,
    Recording,
    Other,
}

public enum EmployerStatus
{
    Active,
    Inactive,
}

/// <summary>An association or cultural company that hands its payroll to the cooperative (contract management, "gestion de contrats").</summary>
public sealed class Employer
{
    public EmployerId Id { get; init; }

    public string Name { get; set; } = string.Empty;

    public EmployerLegalForm LegalForm { get; set; }

    public EmployerSector Sector { get; set; }

    public string Siret { get; set; } = string.Empty;

    public string Ape { get; set; } = string.Empty;

    /// <summary>IDCC of the collective agreement the employer applies.</summary>
    public string CollectiveAgreement { get; set; } = string.Empty;

    public string UrssafReference { get; set; } = string.Empty;

    /// <summary>The SIRET of the URSSAF the employer pays: the reference of the yearly contributions its DSN declares (S21.G00.82.005).</summary>
    public string? UrssafSiret { get; set; }

    /// <summary>
    /// The live-performance entrepreneur's licence, or the receipt of its declaration worth a licence (Code du travail,
    /// L7122-3), and until when it is valid: without it a live-performance employer cannot hire intermittents.
    /// </summary>
    public string? LicenceNumber { get; set; }

    public DateOnly? LicenceValidUntil { get; set; }

    /// <summary>Audiens, Congés Spectacles and other funds' member numbers, as the employer gives them.</summary>
    public string FundReferences { get; set; } = string.Empty;

    public decimal AtMpRate { get; set; }

    public int Headcount { get; set; }

    public OfficeId OfficeId { get; set; }

    public EmployerStatus Status { get; set; }

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string BillingEmail { get; set; } = string.Empty;

    /// <summary>Above this amount of wages advanced and not yet paid back, finance staff see the employer flagged.</summary>
    public long ExposureLimitCents { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;
}

/// <summary>A platform account acting for an employer (role Employer): it sees that organisation only.</summary>
public sealed class EmployerUser
{
    public Guid UserId { get; init; }

    public EmployerId EmployerId { get; init; }
}

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("employers");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Siret).HasMaxLength(14);
        builder.HasIndex(e => e.Siret).IsUnique();
        builder.Property(e => e.Ape).HasMaxLength(5);
        builder.Property(e => e.CollectiveAgreement).HasMaxLength(4);
        builder.Property(e => e.UrssafReference).HasMaxLength(30);
        builder.Property(e => e.UrssafSiret).HasMaxLength(14);
        builder.Property(e => e.LicenceNumber).HasMaxLength(100);
        builder.Property(e => e.FundReferences).HasMaxLength(300);
        builder.Property(e => e.AtMpRate).HasPrecision(6, 4);
        builder.Property(e => e.Street).HasMaxLength(200);
        builder.Property(e => e.PostalCode).HasMaxLength(10);
        builder.Property(e => e.City).HasMaxLength(100);
        builder.Property(e => e.BillingEmail).HasMaxLength(200);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
        builder.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OfficeId, e.Status });
    }
}

internal sealed class EmployerUserConfiguration : IEntityTypeConfiguration<EmployerUser>
{
    public void Configure(EntityTypeBuilder<EmployerUser> builder)
    {
        builder.ToTable("employer_users");
        builder.HasKey(u => u.UserId);
        builder.HasOne<Employer>().WithMany().HasForeignKey(u => u.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.ToTable("employer_mandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.SignedBy).HasMaxLength(200);
        builder.Property(m => m.TerminationReason).HasMaxLength(300);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.HasOne<Employer>().WithMany().HasForeignKey(m => m.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.EmployerId, m.SignedOn }).IsUnique();
    }
}
