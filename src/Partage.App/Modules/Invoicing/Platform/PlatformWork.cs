using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;

namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>The queue handed to the platform, every five minutes (a flow is claimed before it goes: two servers never send one twice).</summary>
public sealed class PlatformSendWork(SendPlatformFlows send) : IScheduledWork
{
    public const string Key = "einvoicing-send";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var round = await send.HandleAsync(Actor.System, ct);
        return round is { Submitted: 0, Retrying: 0, Failed: 0 } ? null : round.Summary;
    }
}

/// <summary>The statuses read from the platform, every fifteen minutes (each incoming flow once, whoever reads it first).</summary>
public sealed class PlatformReceiveWork(ReceivePlatformFlows receive) : IScheduledWork
{
    public const string Key = "einvoicing-receive";

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        var receipt = await receive.HandleAsync(Actor.System, ct);
        return receipt is { Statuses: 0, Rejected: 0 } ? null : receipt.Summary;
    }
}
