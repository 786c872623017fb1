using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

public enum ShareholderStatus
{
    /// <summary>Applied (or was asked to, becoming a coordinator): waits for the board's approval.</summary>
    Applicant,

    /// <summary>Admitted by the board (or the assembly, as the statutes say): in the register, votes.</summary>
    Admitted,

    /// <summary>The board refused the application.</summary>
    Refused,

    /// <summary>Resigned or excluded: no longer votes; the shares wait for their redemption.</summary>
    Left,
}

public enum LeaveReason
{
    Resignation,
    Exclusion,
    Death,
}

/// <summary>
/// A shareholder ("sociétaire") of one cooperative entity: a member of Partage, or a partner organisation or person
/// recorded by governance staff. Their shares are the sum of their movements; their category has a history.
/// </summary>
public sealed class Shareholder : IVersioned
{
    public int RowVersion { get; set; }

    public ShareholderId Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>The shareholder's number in the register, given at admission, never reused.</summary>
    public long? Number { get; set; }

    public MemberId? MemberId { get; init; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Where a shareholder without a member account receives convocations.</summary>
    public string? Email { get; set; }

    public int Category { get; set; }

    public ShareholderStatus Status { get; set; }

    public DateOnly AppliedOn { get; set; }

    /// <summary>What the application asks to subscribe, and how it is paid.</summary>
    public int RequestedShares { get; set; }

    public bool PaysByDeduction { get; set; }

    public DateOnly? AdmittedOn { get; set; }

    /// <summary>The decision that admitted or refused: "Conseil d'administration du 12/03/2026".</summary>
    public string? Decision { get; set; }

    public DateOnly? LeftOn { get; set; }

    public LeaveReason? LeaveReason { get; set; }

    public string? LeaveDecision { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>The shareholder's category from a date: the register at any date reads the category then.</summary>
public sealed class ShareholderCategoryChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public ShareholderId ShareholderId { get; init; }

    public int Category { get; init; }

    public DateOnly From { get; init; }

    public string RecordedBy { get; init; } = string.Empty;
}

internal sealed class ShareholderConfiguration : IEntityTypeConfiguration<Shareholder>, IEntityTypeConfiguration<ShareholderCategoryChange>
{
    public void Configure(EntityTypeBuilder<Shareholder> builder)
    {
        builder.ToTable("governance_shareholders");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Decision).HasMaxLength(300);
        builder.Property(s => s.LeaveDecision).HasMaxLength(300);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.LeaveReason).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(s => new { s.LegalEntityId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.LegalEntityId, s.MemberId }).IsUnique();
        builder.HasIndex(s => new { s.LegalEntityId, s.Status, s.Category });
    }

    public void Configure(EntityTypeBuilder<ShareholderCategoryChange> builder)
    {
        builder.ToTable("governance_category_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasOne<Shareholder>().WithMany().HasForeignKey(c => c.ShareholderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ShareholderId, c.From });
    }
}
