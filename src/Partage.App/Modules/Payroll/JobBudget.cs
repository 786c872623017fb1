using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll;

/// <summary>Whether an activity can pay a job: what is available plus the invoices its clients confirmed, against the employer cost.</summary>
public static class JobBudget
{
    /// <summary>Why the activity cannot pay <paramref name="cost"/>, or null when it can.</summary>
    public static string? Shortfall(ActivityBudget budget, Money cost)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var canPay = budget.Available + budget.InvoicedUnpaid;
        return cost > canPay
            ? $"L'activité ne peut pas payer ce travail : coût employeur {cost.ToDisplayString()}, disponible et factures confirmées {canPay.ToDisplayString()}."
            : null;
    }
}
