using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;

namespace Partage.App.Modules.Clients;

public enum ClientKind
{
    Company,
    Association,
    PublicBody,
    Person,
}

/// <summary>
/// A client ("donneur d'ordre") of the cooperative, shared by every member who works for it:
/// invoices are issued in the cooperative's name to this identity. Companies are identified by
/// SIREN (France) or intra-EU VAT number; a second client with the same identifier is refused.
/// </summary>
public sealed class Client
{
    public ClientId Id { get; init; }

    public ClientKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? LegalForm { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "FR";

    public string? Siren { get; set; }

    public string? Siret { get; set; }

    public string? VatNumber { get; set; }

    public string AddressLine1 { get; set; } = string.Empty;

    public string? AddressLine2 { get; set; }

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    /// <summary>The e-invoicing address (BT-49); for a French company, its SIREN by default.</summary>
    public string? ElectronicAddress { get; set; }

    public string? BillingEmail { get; set; }

    /// <summary>Accent- and case-free name for search.</summary>
    public string SearchKey { get; set; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public List<ClientContact> Contacts { get; init; } = [];

    public bool IsBusiness => Kind != ClientKind.Person;
}

public sealed class ClientContact
{
    public Guid Id { get; init; }

    public ClientId ClientId { get; init; }

    public string Name { get; set; } = string.Empty;

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

public static class ClientLabels
{
    public static string Kind(ClientKind kind) => kind switch
    {
        ClientKind.Company => "Entreprise",
        ClientKind.Association => "Association",
        ClientKind.PublicBody => "Organisme public",
        _ => "Particulier",
    };
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.LegalForm).HasMaxLength(60);
        builder.Property(c => c.Country).HasMaxLength(2);
        builder.Property(c => c.Siren).HasMaxLength(9);
        builder.Property(c => c.Siret).HasMaxLength(14);
        builder.Property(c => c.VatNumber).HasMaxLength(16);
        builder.Property(c => c.AddressLine1).HasMaxLength(200);
        builder.Property(c => c.AddressLine2).HasMaxLength(200);
        builder.Property(c => c.PostalCode).HasMaxLength(16);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.ElectronicAddress).HasMaxLength(125);
        builder.Property(c => c.BillingEmail).HasMaxLength(254);
        builder.Property(c => c.SearchKey).HasMaxLength(200);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        // The duplicate rule, in the database too (NULLs are distinct on both providers).
        builder.HasIndex(c => c.Siren).IsUnique();
        builder.HasIndex(c => c.VatNumber).IsUnique();
        builder.HasIndex(c => c.SearchKey);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientContactConfiguration : IEntityTypeConfiguration<ClientContact>
{
    public void Configure(EntityTypeBuilder<ClientContact> builder)
    {
        builder.ToTable("client_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(150);
        builder.Property(c => c.Role).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(30);
    }
}
