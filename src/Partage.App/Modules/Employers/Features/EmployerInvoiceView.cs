using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>An employer invoice or credit note as the use cases return it.</summary>
public sealed record EmployerInvoiceView(
    Guid Id, string Number, EmployerId EmployerId, string EmployerName, string Period, MandateKind Mandate, DateOnly IssueDate, DateOnly DueDate, Money GrossPayroll,
    Money NetWages, Money Contributions, Money Allowances, decimal FeeRatePercent, Money Fee, IReadOnlyList<FeeShareAmount> FeeShares, Money Vat, Money Total,
    string PaymentReference, EmployerInvoiceStatus Status, Money Paid, DateOnly? PaidOn, int Payslips)
{
    public EmployerInvoiceKind Kind { get; init; }

    /// <summary>For a credit note, the number of the invoice it cancels; for a cancelled invoice, the credit note's.</summary>
    public string? Related { get; init; }

    public string? CreditReason { get; init; }
}
