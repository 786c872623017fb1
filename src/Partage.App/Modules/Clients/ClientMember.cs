using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Members;
using Partage.Kernel;

namespace Partage.App.Modules.Clients;

/// <summary>
/// A member works for a client: they created it, or an invoice or a quote of theirs is addressed to it. A member's client
/// directory is these links only; the client itself stays one row per SIREN or VAT number for the whole cooperative.
/// </summary>
public sealed class ClientMember
{
    public ClientId ClientId { get; init; }

    public MemberId MemberId { get; init; }

    public DateTime LinkedAt { get; init; }
}

internal sealed class ClientMemberConfiguration : IEntityTypeConfiguration<ClientMember>
{
    public void Configure(EntityTypeBuilder<ClientMember> builder)
    {
        builder.ToTable("client_members");
        builder.HasKey(l => new { l.ClientId, l.MemberId });
        builder.HasIndex(l => l.MemberId);
        builder.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
