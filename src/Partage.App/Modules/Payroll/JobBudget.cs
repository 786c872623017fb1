using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll;

/// <summary>Whether an activity can pay a job: what is available plus the invoices issued and not yet paid, against the employer cost.</summary>
public static class JobBudget
{
    /// <summary>Why the activity cannot pay <paramref name="cost"/>, or null when it can.</summary>
    public static string? Shortfall(ActivityBudget budget, Money cost)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return cost > budget.PayableForJobs
            ? $"L'activité ne peut pas payer ce travail : coût employeur {cost.ToDisplayString()} ; {ActivityBudget.AvailableWord} {budget.Available.ToDisplayString()} "
                + $"plus facturé pas encore payé {budget.InvoicedUnpaid.ToDisplayString()} = {budget.PayableForJobs.ToDisplayString()}."
            : null;
    }
}
