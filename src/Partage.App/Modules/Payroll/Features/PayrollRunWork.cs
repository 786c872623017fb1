using Partage.App.Infrastructure.Scheduling;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The daily payroll run, scheduled (6:00 Paris by default): payslips of finished jobs, then the
/// wage batches due today. A payslip is unique per (job, period) and a wage joins a batch only while
/// it is in none, so a second server or a rerun after a crash computes and pays nothing twice.
/// </summary>
public sealed class PayrollRunWork(RunPayroll wages, TimeProvider clock) : IScheduledWork
{
    public const string Key = "payroll";

    public async Task<string?> RunAsync(CancellationToken ct) => (await wages.HandleAsync(clock.Today(), Actor.System, ct)).Summary;
}
