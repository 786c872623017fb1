using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

public enum DunningKind
{
    Reminder,
    FormalNotice,
}

/// <summary>One step of the schedule (section "Invoicing:Dunning"): days after the due date, and what is sent.</summary>
public sealed class DunningStepOption
{
    public int DaysAfterDue { get; set; }

    public DunningKind Kind { get; set; }
}

/// <summary>A dunning step taken for an invoice (the log): sent, or passed over because a later step was due at once.</summary>
public sealed class DunningStep
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public int Step { get; init; }

    public DunningKind Kind { get; init; }

    public DateOnly On { get; init; }

    public bool Sent { get; init; }

    public string Note { get; init; } = string.Empty;
}

internal sealed class DunningStepConfiguration : IEntityTypeConfiguration<DunningStep>
{
    public void Configure(EntityTypeBuilder<DunningStep> builder)
    {
        builder.ToTable("dunning_steps");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(14);
        builder.Property(d => d.Note).HasMaxLength(300);
        builder.HasIndex(d => new { d.InvoiceId, d.Step }).IsUnique();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(d => d.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record DunningRun(int Reminders, int FormalNotices, int Disputed)
{
    public string Summary => $"{Reminders} rappels, {FormalNotices} mises en demeure ; {Disputed} factures en litige non relancées.";
}

public sealed record DunningLogLine(int Step, DunningKind Kind, DateOnly On, bool Sent, string Note);
