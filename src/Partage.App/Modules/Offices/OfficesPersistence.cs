using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partage.App.Modules.Offices;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.Street).HasMaxLength(200);
        builder.Property(o => o.PostalCode).HasMaxLength(12);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class ActivityManagerConfiguration : IEntityTypeConfiguration<ActivityManager>
{
    public void Configure(EntityTypeBuilder<ActivityManager> builder)
    {
        builder.ToTable("activity_managers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Ignore(m => m.FullName);
        builder.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => m.OfficeId);
    }
}
