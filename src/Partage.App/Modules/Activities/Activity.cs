using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.Kernel;

namespace Partage.App.Modules.Activities;

public enum ActivityStatus
{
    Active,
    Suspended,
    Closed,
}

/// <summary>
/// A member's activity ("activité"): what they sell and are employed for, carried by one legal
/// entity in one business module, followed by an activity manager. Its budget is the balance of
/// its ledger accounts (ledger issue).
/// </summary>
public sealed class Activity
{
    public ActivityId Id { get; init; }

    public MemberId MemberId { get; init; }

    /// <summary>The member's office when the activity was opened, kept for scoping lists in SQL.</summary>
    public OfficeId OfficeId { get; set; }

    public LegalEntityId LegalEntityId { get; init; }

    public string ModuleCode { get; init; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public ActivityStatus Status { get; set; }

    public ActivityManagerId? ManagerId { get; set; }

    public DateTime CreatedAt { get; init; }
}

public static class ActivityLabels
{
    public static string Status(ActivityStatus status) => status switch
    {
        ActivityStatus.Active => "Active",
        ActivityStatus.Suspended => "Suspendue",
        _ => "Clôturée",
    };
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(150);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.ModuleCode).HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(a => new { a.MemberId, a.Name }).IsUnique();
        builder.HasIndex(a => new { a.OfficeId, a.Status });
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(a => a.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BusinessModule>().WithMany().HasForeignKey(a => a.ModuleCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ActivityManager>().WithMany().HasForeignKey(a => a.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}
