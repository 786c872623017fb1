using Partage.App.Infrastructure.Scheduling;
using Partage.App.Security;
using Partage.App.Modules.Invoicing.Features;

namespace Partage.App.Modules.Invoicing;

/// <summary>The daily dunning round, scheduled (weekdays at 8:00 by default). A step is taken once per invoice: the unique (invoice, step) key refuses a second server's copy, whose whole round then rolls back with its e-mails.</summary>
public sealed class DunningWork(RunDunning dunning) : IScheduledWork
{
    public const string Key = "dunning";

    public async Task<string?> RunAsync(CancellationToken ct) => (await dunning.HandleAsync(Actor.System, ct)).Summary;
}
