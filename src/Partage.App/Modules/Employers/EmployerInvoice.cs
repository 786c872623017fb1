using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Ledger;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

public enum EmployerInvoiceStatus
{
    Issued,
    Paid,

    /// <summary>An invoice cancelled in full by a credit note before any payment.</summary>
    Cancelled,

    /// <summary>A credit note: applied to the invoice it cancels, nothing to pay.</summary>
    Applied,
}

public enum EmployerInvoiceKind
{
    Invoice,
    CreditNote,
}

/// <summary>
/// The one invoice of an employer's pay period (a calendar month), in its own continuous series
/// per entity ("SCIC-GC-2026-000001"): net wages, contributions under a complete mandate, costs
/// advanced, and the management fee with its VAT. Its figures never change once issued; an unpaid
/// one is cancelled by a credit note of the same figures in the same series.
/// </summary>
public sealed class EmployerInvoice : IVersioned, IEmployerOwned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public EmployerInvoiceKind Kind { get; init; }

    /// <summary>For a credit note, the invoice it cancels, and why.</summary>
    public Guid? CreditedInvoiceId { get; init; }

    public string? CreditReason { get; init; }

    public EmployerId EmployerId { get; init; }

    public string Period { get; init; } = string.Empty;

    public MandateKind Mandate { get; init; }

    public DateOnly IssueDate { get; init; }

    public DateOnly DueDate { get; init; }

    public long GrossPayrollCents { get; init; }

    public long NetWagesCents { get; init; }

    public long ContributionsCents { get; init; }

    public long AllowancesCents { get; init; }

    public decimal FeeRatePercent { get; init; }

    public long FeeCents { get; init; }

    /// <summary>The fee's shares as posted: label, account and cents (JSON).</summary>
    public string FeeSharesJson { get; init; } = "[]";

    public long VatCents { get; init; }

    public long TotalCents { get; init; }

    public string PaymentReference { get; init; } = string.Empty;

    /// <summary>The buyer as printed, frozen at issue (JSON).</summary>
    public string BuyerJson { get; init; } = string.Empty;

    public Guid EntryId { get; set; }

    public EmployerInvoiceStatus Status { get; set; }

    public long PaidCents { get; set; }

    public DateOnly? PaidOn { get; set; }

    public DateTime IssuedAt { get; init; }

    public string IssuedBy { get; init; } = string.Empty;

    /// <summary>What the employer still owes on it.</summary>
    internal Money Outstanding => Money.Eur(TotalCents - PaidCents);

    /// <summary>The fee's shares as posted at issue.</summary>
    internal IReadOnlyList<FeeShareAmount> FeeShares() =>
        JsonSerializer.Deserialize<List<StoredShare>>(FeeSharesJson)!.Select(f => new FeeShareAmount(f.Label, f.Account, Money.Eur(f.Cents))).ToList();

    internal static string StoreFeeShares(IEnumerable<FeeShareAmount> shares) =>
        JsonSerializer.Serialize(shares.Select(f => new StoredShare(f.Label, f.AccountNumber, f.Amount.Cents)));

    /// <summary>A payment received: the invoice is paid once its total is covered; never more than what is owed.</summary>
    internal void Settle(Money amount, DateOnly on)
    {
        if (amount.Cents <= 0 || amount.Cents > TotalCents - PaidCents)
        {
            throw new DomainException(EmployersErrors.WrongStatus, $"Le montant dépasse le reste dû de {Number} ({Outstanding.ToDisplayString()}).");
        }

        PaidCents += amount.Cents;
        if (PaidCents == TotalCents)
        {
            (Status, PaidOn) = (EmployerInvoiceStatus.Paid, on);
        }
    }

    /// <summary>Cancelled by a credit note: only an issued invoice not paid, even in part (a paid one is refunded).</summary>
    internal void Cancel()
    {
        if (Kind != EmployerInvoiceKind.Invoice || Status != EmployerInvoiceStatus.Issued || PaidCents != 0)
        {
            throw new DomainException(EmployersErrors.WrongStatus, "Seule une facture émise et encore impayée s'annule par un avoir (une facture réglée, même en partie, se rembourse).");
        }

        Status = EmployerInvoiceStatus.Cancelled;
    }

    /// <summary>A fee share as stored: cents, not a Money (which has no JSON form).</summary>
    private sealed record StoredShare(string Label, string Account, long Cents);
}

internal sealed class EmployerInvoiceConfiguration : IEntityTypeConfiguration<EmployerInvoice>
{
    public void Configure(EntityTypeBuilder<EmployerInvoice> builder)
    {
        builder.ToTable("employer_invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(35);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.EmployerId, i.Period });
        builder.Property(i => i.Period).HasMaxLength(7);
        builder.Property(i => i.Mandate).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.FeeRatePercent).HasPrecision(7, 4);
        builder.Property(i => i.FeeSharesJson).HasMaxLength(1000);
        builder.Property(i => i.PaymentReference).HasMaxLength(35);
        builder.Property(i => i.BuyerJson).HasMaxLength(2000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.CreditReason).HasMaxLength(300);
        builder.HasIndex(i => i.CreditedInvoiceId).IsUnique();
        builder.Property(i => i.IssuedBy).HasMaxLength(200);
        builder.HasOne<Employer>().WithMany().HasForeignKey(i => i.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.Outstanding);
    }
}
