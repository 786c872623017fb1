using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Infrastructure;

/// <summary>
/// What only some statuses take on a fixed-term contract, checked alike for a member's job (Payroll) and an employer's staff
/// contract (Employers): the DFS (an artist, a régisseur de théâtre) and the days actually worked (a technician).
/// </summary>
public static class ContractOptions
{
    /// <summary>The DFS (trimmed, lower case; null when none) and the days worked, each refused by field when the status does not take it.</summary>
    public static (string? Dfs, decimal? WorkedDays) Check(Validation v, string? dfs, string? workedDays, EmployeeKind? kind)
    {
        ArgumentNullException.ThrowIfNull(v);
        var profession = string.IsNullOrWhiteSpace(dfs) ? null : dfs.Trim().ToLowerInvariant();
        if (!DfsLabels.Accepts(profession, kind))
        {
            v.Add("Dfs", DfsLabels.Refused);
        }

        var days = v.Decimal("WorkedDays", "Les jours réellement travaillés", workedDays, required: false);
        if (days is not null && !ContractTerms.TakesWorkedDays(kind))
        {
            v.Add("WorkedDays", ContractTerms.WorkedDaysRefused);
            days = null;
        }

        return (profession, days);
    }
}
