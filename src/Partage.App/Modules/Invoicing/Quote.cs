using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

public enum QuoteStatus
{
    Draft,
    Sent,
    Accepted,
    Refused,
    Invoiced,
}

/// <summary>A quote ("devis") to a client for an activity; accepted online, it becomes an invoice in one click.</summary>
public sealed class Quote : IVersioned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public LegalEntityId LegalEntityId { get; init; }

    public ActivityId ActivityId { get; init; }

    public MemberId MemberId { get; init; }

    public OfficeId OfficeId { get; init; }

    public ClientId ClientId { get; internal set; }

    public DateOnly ServiceFrom { get; internal set; }

    public DateOnly ServiceTo { get; internal set; }

    public string? BuyerReference { get; internal set; }

    /// <summary>The lines as typed (what an invoice draft is made from); figures below computed from them.</summary>
    public string LinesJson { get; internal set; } = "[]";

    public long NetCents { get; internal set; }

    public long VatCents { get; internal set; }

    public long GrossCents { get; internal set; }

    public DateOnly ValidUntil { get; internal set; }

    /// <summary>Moved only by the transitions below (sent, answered, invoiced), each refusing a move out of the quote's life.</summary>
    public QuoteStatus Status { get; private set; } = QuoteStatus.Draft;

    public DateTime? SentAt { get; set; }

    public DateTime? RespondedAt { get; set; }

    public string? RespondentName { get; set; }

    public string? RespondentIp { get; set; }

    public InvoiceId? InvoiceId { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public IReadOnlyList<InvoiceLineInput> Lines => JsonSerializer.Deserialize<List<InvoiceLineInput>>(LinesJson) ?? [];
    /// <summary>Sent to the client (again, while unanswered).</summary>
    /// <summary>A draft quote rewritten (client, dates, lines, validity) before it is sent; once sent, the client's link shows it as it was.</summary>
    public void Revise(ClientId client, DateOnly from, DateOnly to, string? buyerReference, string linesJson, InvoiceTotals totals, DateOnly validUntil)
    {
        if (Status != QuoteStatus.Draft)
        {
            throw new DomainException(InvoicingErrors.QuoteNotDraft);
        }

        (ClientId, ServiceFrom, ServiceTo, BuyerReference, LinesJson, ValidUntil) = (client, from, to, buyerReference, linesJson, validUntil);
        (NetCents, VatCents, GrossCents) = (totals.Net.Cents, totals.Vat.Cents, totals.Gross.Cents);
    }

    public void MarkSent() => MoveTo(QuoteStatus.Sent, InvoicingErrors.QuoteAnswered, QuoteStatus.Draft, QuoteStatus.Sent);

    /// <summary>The client's answer through the signed link: once.</summary>
    public void Answer(bool accept) => MoveTo(accept ? QuoteStatus.Accepted : QuoteStatus.Refused, InvoicingErrors.QuoteAnswered, QuoteStatus.Sent);

    /// <summary>Its invoice issued: only an accepted quote, only once.</summary>
    public void MarkInvoiced() => MoveTo(QuoteStatus.Invoiced, InvoicingErrors.QuoteNotAccepted, QuoteStatus.Accepted);

    private void MoveTo(QuoteStatus next, ErrorCode refused, params IReadOnlyCollection<QuoteStatus> from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(refused);
        }

        Status = next;
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("quotes");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Number).HasMaxLength(35);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(q => q.BuyerReference).HasMaxLength(100);
        builder.Property(q => q.RespondentName).HasMaxLength(150);
        builder.Property(q => q.RespondentIp).HasMaxLength(45);
        builder.Property(q => q.CreatedBy).HasMaxLength(200);
        builder.HasIndex(q => new { q.LegalEntityId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.MemberId, q.Status });
        builder.Ignore(q => q.Lines);
        builder.HasOne<Activity>().WithMany().HasForeignKey(q => q.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(q => q.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record QuoteInput(DraftInput? Draft, string? ValidUntil);

public sealed record QuoteView(Guid Id, string Number, string EntityCode, ActivityId ActivityId, string ClientName, string? ClientEmail, DateOnly ValidUntil, QuoteStatus Status,
    IReadOnlyList<InvoiceLineInput> Lines, Money Net, Money Vat, Money Gross, DateTime? RespondedAt, string? RespondentName, InvoiceId? InvoiceId)
{
    /// <summary>What the editor fills its form with (the client, the service's dates, the client's reference).</summary>
    public ClientId ClientId { get; init; }

    public DateOnly ServiceFrom { get; init; }

    public DateOnly ServiceTo { get; init; }

    public string? BuyerReference { get; init; }
}

public static class QuoteLabels
{
    /// <summary>A quantity or price stored as typed ("1500", "6.5") written for a French reader ("1 500", "6,5").</summary>
    public static string Number(string? value) =>
        French.TryParseDecimal(value, out var number) ? number.ToString("#,0.####", French.Culture) : value ?? string.Empty;

    public static string Status(QuoteStatus status) => status switch
    {
        QuoteStatus.Draft => "Brouillon",
        QuoteStatus.Sent => "Envoyé, en attente de réponse",
        QuoteStatus.Accepted => "Accepté (bon pour accord)",
        QuoteStatus.Refused => "Refusé",
        _ => "Facturé",
    };
}
