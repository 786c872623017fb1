using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.LegalEntities;

/// <summary>
/// The group's entities and modules are reference data shipped with the schema (migrations), so
/// that every installation has them. The SIREN and licence numbers here are placeholders with
/// valid keys, to be replaced by the real registrations (docs/operations.md).
/// </summary>
internal static class LegalEntitiesReferenceData
{
    public static readonly LegalEntityId Scic = new(Guid.Parse("0193a000-0000-7000-8000-000000000001"));
    public static readonly LegalEntityId Lna = new(Guid.Parse("0193a000-0000-7000-8000-000000000002"));
    public static readonly LegalEntityId Ge = new(Guid.Parse("0193a000-0000-7000-8000-000000000003"));
}

internal sealed class LegalEntityConfiguration : IEntityTypeConfiguration<LegalEntity>
{
    public void Configure(EntityTypeBuilder<LegalEntity> builder)
    {
        builder.ToTable("legal_entities");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Code).HasMaxLength(10);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.LegalForm).HasMaxLength(100);
        builder.Property(e => e.Siren).HasMaxLength(9);
        builder.Property(e => e.VatNumber).HasMaxLength(20);
        builder.Property(e => e.Street).HasMaxLength(200);
        builder.Property(e => e.PostalCode).HasMaxLength(12);
        builder.Property(e => e.City).HasMaxLength(100);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.HasMany(e => e.Licences).WithOne().HasForeignKey(l => l.LegalEntityId);
        builder.HasData(
            new LegalEntity
            {
                Id = LegalEntitiesReferenceData.Scic, Code = "SCIC", Name = "SCIC SMart", LegalForm = "SCIC SA à capital variable",
                Siren = "900000001", VatNumber = "FR68900000001", Street = "1 rue de la Coopération", PostalCode = "59000", City = "Lille",
            },
            new LegalEntity
            {
                Id = LegalEntitiesReferenceData.Lna, Code = "LNA", Name = "La Nouvelle Aventure", LegalForm = "SAS à capital variable",
                Siren = "900000019", VatNumber = "FR25900000019", Street = "1 rue de la Coopération", PostalCode = "59000", City = "Lille",
            },
            new LegalEntity
            {
                Id = LegalEntitiesReferenceData.Ge, Code = "GE", Name = "Scop Grandsensemble", LegalForm = "SCOP SARL à capital variable",
                Siren = "900000027", VatNumber = "FR49900000027", Street = "1 rue de la Coopération", PostalCode = "59000", City = "Lille",
            });
    }
}

internal sealed class PerformanceLicenceConfiguration : IEntityTypeConfiguration<PerformanceLicence>
{
    public void Configure(EntityTypeBuilder<PerformanceLicence> builder)
    {
        builder.ToTable("performance_licences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.HasIndex(l => new { l.LegalEntityId, l.Category, l.ValidUntil });
        // A receipt number is recorded once per entity, even under two simultaneous requests.
        builder.HasIndex(l => new { l.LegalEntityId, l.Number }).IsUnique();
        builder.HasData(
            new PerformanceLicence
            {
                Id = Guid.Parse("0193a000-0000-7000-8000-000000000102"), LegalEntityId = LegalEntitiesReferenceData.Lna,
                Category = 2, Number = "PLATESV-R-2024-000102", ValidUntil = new DateOnly(2029, 6, 30),
            },
            new PerformanceLicence
            {
                Id = Guid.Parse("0193a000-0000-7000-8000-000000000103"), LegalEntityId = LegalEntitiesReferenceData.Lna,
                Category = 3, Number = "PLATESV-R-2024-000103", ValidUntil = new DateOnly(2029, 6, 30),
            });
    }
}

internal sealed class BusinessModuleConfiguration : IEntityTypeConfiguration<BusinessModule>
{
    public void Configure(EntityTypeBuilder<BusinessModule> builder)
    {
        builder.ToTable("business_modules");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(30);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasData(
            new BusinessModule { Code = BusinessModules.Projects, Name = "Production de projets" },
            new BusinessModule { Code = BusinessModules.Shows, Name = "Production de spectacles" },
            new BusinessModule { Code = BusinessModules.Audiovisual, Name = "Audiovisuel" },
            new BusinessModule { Code = BusinessModules.ContractManagement, Name = "Gestion de contrats" });
    }
}

internal sealed class OfferedModuleConfiguration : IEntityTypeConfiguration<OfferedModule>
{
    public void Configure(EntityTypeBuilder<OfferedModule> builder)
    {
        builder.ToTable("offered_modules");
        builder.HasKey(m => new { m.LegalEntityId, m.ModuleCode });
        builder.Property(m => m.ModuleCode).HasMaxLength(30);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(m => m.LegalEntityId);
        builder.HasOne<BusinessModule>().WithMany().HasForeignKey(m => m.ModuleCode);
        builder.HasData(
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Scic, ModuleCode = BusinessModules.Projects },
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Scic, ModuleCode = BusinessModules.Audiovisual },
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Scic, ModuleCode = BusinessModules.ContractManagement },
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Lna, ModuleCode = BusinessModules.Shows },
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Ge, ModuleCode = BusinessModules.Projects },
            new OfferedModule { LegalEntityId = LegalEntitiesReferenceData.Ge, ModuleCode = BusinessModules.Shows });
    }
}
