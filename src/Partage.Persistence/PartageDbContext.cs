using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Partage.Kernel;

namespace Partage.Persistence;

/// <summary>
/// The platform's one DbContext. It lives in its own small assembly so that the two migration
/// projects (SQLite, PostgreSQL) can reference it while the App references them: see
/// docs/adr/0002-persistence-assembly.md. The modules' tables are mapped by the
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes of the assemblies named in
/// <see cref="PartageModelSource"/>, each next to its module's code.
/// </summary>
public sealed class PartageDbContext(DbContextOptions<PartageDbContext> options, PartageModelSource model)
    : IdentityDbContext<PartageUser, PartageRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PartageUser>().ToTable("users");
        builder.Entity<PartageRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<PartageUser>().Property(u => u.DisplayName).HasMaxLength(200);

        foreach (var assembly in model.Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        foreach (var idType in model.Assemblies.SelectMany(a => a.GetTypes()).Where(IsTypedId))
        {
            configurationBuilder.Properties(idType)
                .HaveConversion(typeof(TypedIdConverter<>).MakeGenericType(idType));
        }

        configurationBuilder.Properties<Money>().HaveConversion<MoneyCentsConverter>();
    }

    private static bool IsTypedId(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(ITypedId<>) && i.GenericTypeArguments[0] == type);
}

/// <summary>The assemblies whose entity configurations make up the model (the App's modules).</summary>
public sealed record PartageModelSource(IReadOnlyList<Assembly> Assemblies);

public sealed class PartageUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;
}

public sealed class PartageRole : IdentityRole<Guid>
{
    public PartageRole()
    {
    }

    public PartageRole(string name)
        : base(name)
    {
    }
}
