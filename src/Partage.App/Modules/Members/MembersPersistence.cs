using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Offices;
using Partage.Persistence;

namespace Partage.App.Modules.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.HasIndex(m => m.Email).IsUnique();
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => m.Nir).IsUnique();
        builder.HasIndex(m => new { m.OfficeId, m.Status, m.LastName });
        builder.HasIndex(m => new { m.Status, m.LastName });
        // The list's sort order: lets a deep page walk the index instead of sorting every member.
        builder.HasIndex(m => new { m.LastName, m.FirstName, m.Number });
        builder.HasIndex(m => m.ManagerId);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Phone).HasMaxLength(30);
        builder.Property(m => m.Street).HasMaxLength(200);
        builder.Property(m => m.PostalCode).HasMaxLength(12);
        builder.Property(m => m.City).HasMaxLength(100);
        builder.Property(m => m.Country).HasMaxLength(2);
        builder.Property(m => m.BirthPlace).HasMaxLength(Birthplace.PlaceMaxLength);
        builder.Property(m => m.BirthCountry).HasMaxLength(2);
        builder.Property(m => m.Nir).HasMaxLength(PersonalDataCipher.MaxLength).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)PersonalDataCipher.Converter);
        builder.Property(m => m.Iban).HasMaxLength(PersonalDataCipher.MaxLength).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)PersonalDataCipher.Converter);
        builder.Property(m => m.TradeCode).HasMaxLength(40);
        builder.Property(m => m.SearchKey).HasMaxLength(600);
        builder.Property(m => m.RefusalReason).HasMaxLength(MemberFields.RefusalReasonMaxLength);
        builder.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(m => m.FullName);
        // Offices are another module: the foreign key keeps the data honest without any code
        // reading the offices table from here.
        builder.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ActivityManager>().WithMany().HasForeignKey(m => m.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartageUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
