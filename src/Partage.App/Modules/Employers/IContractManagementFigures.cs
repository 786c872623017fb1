using Partage.App.Modules.Employers.Features;

namespace Partage.App.Modules.Employers;

/// <summary>
/// What the annual report reads of the contract-management service (issue 22): its revenue by year and, for a year, by
/// office — the figures of the service's own report (<see cref="ServiceReport"/>), read for the system.
/// </summary>
public interface IContractManagementFigures
{
    Task<ServiceReportView> YearAsync(int year, CancellationToken ct = default);
}
