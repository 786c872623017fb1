using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

public enum AssemblyKind
{
    Ordinary,
    Extraordinary,
}

public enum AssemblyStatus
{
    /// <summary>Being prepared: agenda and resolutions change freely.</summary>
    Draft,

    /// <summary>Convened: the roll and the agenda are fixed; votes are taken in the voting window.</summary>
    Convened,

    /// <summary>Closed by governance staff: results final, minutes printable.</summary>
    Closed,
}

public enum ResolutionKind
{
    /// <summary>Decided at the ordinary majority (more than half of the votes cast).</summary>
    Ordinary,

    /// <summary>Changes the statutes: the extraordinary quorum and two-thirds of the votes cast.</summary>
    Extraordinary,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
    Blank,
}

/// <summary>A general assembly of one cooperative entity: convened within the statutory notice, voted in a window, closed by governance staff.</summary>
public sealed class Assembly : IVersioned
{
    public int RowVersion { get; set; }

    public AssemblyId Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    /// <summary>"AG-SCIC-2026-01".</summary>
    public string Number { get; init; } = string.Empty;

    public AssemblyKind Kind { get; set; }

    /// <summary>1 on first call, 2 on the next (lower quorums, shorter notice).</summary>
    public int Call { get; set; } = 1;

    public string Title { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    public DateTime MeetingAt { get; set; }

    public DateTime VotingOpensAt { get; set; }

    public DateTime VotingClosesAt { get; set; }

    public AssemblyStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ConvenedAt { get; set; }

    public string? ConvenedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The roll's date: who is a shareholder on it votes (the convocation's day in Paris).</summary>
    public DateOnly? RollDate { get; set; }
}

public sealed class Resolution
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public AssemblyId AssemblyId { get; init; }

    public int Number { get; init; }

    public string Title { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    public ResolutionKind Kind { get; init; }

    /// <summary>Voted by secret ballot: only counts are kept, never who voted what.</summary>
    public bool Secret { get; init; }
}

/// <summary>A document put before the assembly with a resolution (the accounts, the new statutes): a PDF in the attachment store, by its hash.</summary>
public sealed class ResolutionDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ResolutionId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Hash { get; init; } = string.Empty;

    public long Size { get; init; }

    public DateTime AddedAt { get; init; }

    public string AddedBy { get; init; } = string.Empty;
}

/// <summary>
/// One line of an assembly's roll, fixed at the convocation: the shareholder, the college they vote in, whom they gave
/// their proxy to, and whether their voice was cast (when, by whom, with the hash of the receipt they were given).
/// It holds nothing of what was voted.
/// </summary>
public sealed class AssemblyVoter : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public AssemblyId AssemblyId { get; init; }

    public ShareholderId ShareholderId { get; init; }

    public MemberId? MemberId { get; init; }

    public string Name { get; init; } = string.Empty;

    public int Category { get; init; }

    public string College { get; init; } = string.Empty;

    public ShareholderId? ProxyHolderId { get; set; }

    public DateTime? VotedAt { get; set; }

    /// <summary>Who cast it: "en ligne", "par procuration (nom)", "en séance (agent)".</summary>
    public string? CastBy { get; set; }

    public string? ReceiptHash { get; set; }
}

/// <summary>
/// The ballot box: per resolution, college and choice, a count. A ballot adds one to a count and leaves no row of its
/// own, no time and no link to the voter (a test of the schema shows no query can join them).
/// </summary>
public sealed class BallotCount
{
    public Guid ResolutionId { get; init; }

    public string College { get; init; } = string.Empty;

    public VoteChoice Choice { get; init; }

    public int Count { get; set; }
}

/// <summary>An open (not secret) resolution's vote by name, for the record.</summary>
public sealed class OpenVote
{
    public Guid ResolutionId { get; init; }

    public ShareholderId ShareholderId { get; init; }

    public VoteChoice Choice { get; init; }
}

internal sealed class AssemblyConfiguration :
    IEntityTypeConfiguration<Assembly>, IEntityTypeConfiguration<Resolution>, IEntityTypeConfiguration<AssemblyVoter>, IEntityTypeConfiguration<BallotCount>, IEntityTypeConfiguration<OpenVote>,
    IEntityTypeConfiguration<ResolutionDocument>
{
    public void Configure(EntityTypeBuilder<ResolutionDocument> builder)
    {
        builder.ToTable("governance_resolution_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(120);
        builder.Property(d => d.Hash).HasMaxLength(64);
        builder.Property(d => d.AddedBy).HasMaxLength(200);
        builder.HasOne<Resolution>().WithMany().HasForeignKey(d => d.ResolutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ResolutionId);
    }

    public void Configure(EntityTypeBuilder<Assembly> builder)
    {
        builder.ToTable("governance_assemblies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(35);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Place).HasMaxLength(300);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(14);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ConvenedBy).HasMaxLength(200);
        builder.Property(a => a.ClosedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.LegalEntityId, a.MeetingAt });
    }

    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.ToTable("governance_resolutions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(14);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(r => r.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AssemblyId, r.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AssemblyVoter> builder)
    {
        builder.ToTable("governance_assembly_voters");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.College).HasMaxLength(8);
        builder.Property(v => v.CastBy).HasMaxLength(250);
        builder.Property(v => v.ReceiptHash).HasMaxLength(64);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(v => v.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.AssemblyId, v.ShareholderId }).IsUnique();
        builder.HasIndex(v => new { v.AssemblyId, v.ProxyHolderId });
        builder.HasIndex(v => v.MemberId);
    }

    public void Configure(EntityTypeBuilder<BallotCount> builder)
    {
        builder.ToTable("governance_ballot_counts");
        builder.HasKey(b => new { b.ResolutionId, b.College, b.Choice });
        builder.Property(b => b.College).HasMaxLength(8);
        builder.Property(b => b.Choice).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<Resolution>().WithMany().HasForeignKey(b => b.ResolutionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OpenVote> builder)
    {
        builder.ToTable("governance_open_votes");
        builder.HasKey(v => new { v.ResolutionId, v.ShareholderId });
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<Resolution>().WithMany().HasForeignKey(v => v.ResolutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
