using Partage.App.Infrastructure.Scheduling;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Features;

/// <summary>The fixed monthly fees of the current month, posted on its last day (21:00 Paris by default); each activity's entry has its idempotency key, so a rerun posts nothing twice.</summary>
public sealed class MonthlyFeesWork(MonthlyFees fees, TimeProvider clock) : IScheduledWork
{
    public const string Key = "monthlyfees";

    public async Task<string?> RunAsync(CancellationToken ct) => (await fees.RunAsync(PayPeriod.Containing(clock.Today()).ToString(), Actor.System, ct)).Summary;
}
