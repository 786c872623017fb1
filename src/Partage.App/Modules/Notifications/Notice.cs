using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partage.App.Modules.Notifications;

/// <summary>What waits for someone, or what they will want to know: each kind can be read in Partage, received by e-mail, or both.</summary>
public enum NoticeKind
{
    ContractToSign,
    ContractToCountersign,
    ContractReturned,
    InvoiceToValidate,
    InvoiceValidated,
    InvoiceReturned,
    PaymentReceived,
    PayslipAvailable,
    WagePaid,
    /// <summary>The client (or the platform) refused, rejected, disputed or suspended an invoice sent through the accredited platform.</summary>
    InvoiceRefused,
    /// <summary>A supplier's invoice arrived for the member's activity (or, with no activity found, for a manager to route).</summary>
    SupplierInvoiceToApprove,
    /// <summary>A manager approved or refused the member's expense note.</summary>
    ExpenseNoteDecided,
    /// <summary>The board decided the member's application to become a shareholder, or a movement changed their shares.</summary>
    SharesChanged,
    /// <summary>A general assembly the member votes in is convened (with the convocation).</summary>
    AssemblyConvened,
    /// <summary>A member asked for equipment (Matlease): the office's managers review the request.</summary>
    LeaseToReview,
    /// <summary>The member's equipment request was decided, or their lease changed (purchase, instalment debited, pause, end).</summary>
    LeaseChanged,
    /// <summary>SEPA pre-notification: an instalment will be debited from the member's account if the budget does not cover it.</summary>
    LeaseDebitNotice,
}

/// <summary>An in-app notice: one line, the page where the thing is done, read or not. Written in the unit of work of the event it announces.</summary>
public sealed class Notice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The account it is for (a notice is never shown to anyone else).</summary>
    public Guid UserId { get; init; }

    public NoticeKind Kind { get; init; }

    public string Text { get; init; } = string.Empty;

    /// <summary>A path inside Partage ("/factures/…"), never an outside address.</summary>
    public string Link { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>One account's choice for one kind of notice; without a row, both channels are on.</summary>
public sealed class NoticePreference
{
    public Guid UserId { get; init; }

    public NoticeKind Kind { get; init; }

    public bool InApp { get; set; } = true;

    public bool Email { get; set; } = true;
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>, IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Text).HasMaxLength(300);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.ToTable("notice_preferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
    }
}
