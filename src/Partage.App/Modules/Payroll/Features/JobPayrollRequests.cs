using Microsoft.Extensions.Options;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// One month of a contract as the engine needs it, with the cooperative as the employer: the
/// whole contract's dates (the engine prorates the ceiling to the days in the month and knows
/// a short contract from them), the month's days, hours, cachets and gross; on the month the
/// contract ends, the contract's whole gross, on which the engine adds a régime général CDD's
/// end-of-contract and paid-leave indemnities. The job's cost when declared and its payslips use the same.
/// </summary>
public sealed class JobPayrollRequests(IOptions<PayrollEmployerOptions> employer)
{
    public PayrollRequest For(ParameterCatalog catalog, EmployeeKind kind, bool cadre, DateOnly start, DateOnly end, long contractGrossCents, ContractMonth month, string? dfs, decimal dfsUsedThisYear = 0, string? exemption = null) =>
        new(month.Period, employer.Value.ToInput(catalog, month.From),
            new EmployeeInput(kind switch { EmployeeKind.RegimeGeneral => "regime_general", EmployeeKind.IntermittentTechnician => "intermittent_technician", _ => "intermittent_artist" }, cadre, DfsLabels.Category(dfs))
            {
                DfsUsedThisYear = dfsUsedThisYear,
            },
            new ContractInput(kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", start, end)
            {
                EndOfContract = month.To == end ? new EndOfContractInput(Money.Eur(contractGrossCents).Amount, exemption) : null,
            },
            new WorkInput(month.Hours, month.WorkedDays ?? month.Days, month.Cachets), Money.Eur(month.GrossCents).Amount);
}
