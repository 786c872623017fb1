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
/// <see cref="PartageModelSource"/>, each next to its module's code. Contexts are pooled
/// (AddDbContextPool: a request reuses a context instead of building one, docs/performance.md), so the
/// constructor takes the options only and the model's assemblies are read from the application's
/// services when the model is built, once per process.
/// </summary>
public sealed class PartageDbContext(DbContextOptions<PartageDbContext> options)
    : IdentityDbContext<PartageUser, PartageRole, Guid>(options), IDataProtectionKeyContext
{
    private PartageModelSource? model;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private PartageModelSource ModelSource => model ??= options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService(typeof(PartageModelSource)) as PartageModelSource
        ?? throw new InvalidOperationException("PartageModelSource is not registered in the application's services.");

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

        foreach (var assembly in ModelSource.Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// Saves with optimistic concurrency on the documents that move money or take a number: each
    /// changed <see cref="IVersioned"/> row is written only if its version is still the one read,
    /// and gets the next one. When another request changed it first (a double click, a retry, a
    /// second server), nothing of this unit of work is written and the caller gets a 409 with a
    /// French message instead of a second invoice, payment or credit note.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new DomainException(ConcurrencyErrors.Modified, innerException: e);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new DomainException(ConcurrencyErrors.Modified, innerException: e);
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(v => v.RowVersion);
            if (!version.IsModified)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // The ids live in the Kernel (shared by the modules); a module may still declare its own.
        foreach (var idType in ModelSource.Assemblies.Append(typeof(ITypedId<>).Assembly).Distinct().SelectMany(a => a.GetTypes()).Where(IsTypedId))
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

/// <summary>
/// A document whose changes must not cross: an invoice, a quote, a payslip, a wage batch. Its
/// <c>row_version</c> column is the optimistic concurrency token (the same on SQLite and PostgreSQL).
/// A handler that changes only the document's children (a payment added) sets
/// <see cref="Versioned.Touch"/> so that two such changes still collide.
/// </summary>
public interface IVersioned
{
    int RowVersion { get; set; }
}

public static class Versioned
{
    /// <summary>Marks the document changed by this unit of work, so that its version is checked and moved.</summary>
    public static void Touch(this IVersioned document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.RowVersion++;
    }
}

public static class ConcurrencyErrors
{
    public static readonly ErrorCode Modified = new(
        "concurrency.modified",
        "Ce document vient d'être modifié par une autre opération (double clic, autre onglet ou autre personne) : rien n'a été enregistré. Rechargez la page pour voir son état.",
        ErrorKind.Conflict);
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
