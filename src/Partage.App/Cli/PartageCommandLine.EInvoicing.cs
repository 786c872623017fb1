using System.CommandLine;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;

namespace Partage.App.Cli;

/// <summary>`partage einvoicing`: the exchanges with the accredited platform, at once rather than at the next scheduled round.</summary>
public static partial class PartageCommandLine
{
    private static Command EInvoicingVerbs()
    {
        var send = new Command("send", "Dépose sur la plateforme agréée les factures et statuts en attente.");
        send.SetAction((_, ct) => WithServices(async services =>
        {
            var round = await services.GetRequiredService<SendPlatformFlows>().HandleAsync(Actor.System, ct);
            await (round.Configured ? Console.Out : Console.Error).WriteLineAsync(round.Summary);
            return round is { Configured: true, Failed: 0 } ? 0 : 1;
        }));
        var receive = new Command("receive", "Lit sur la plateforme agréée les statuts donnés aux factures.");
        receive.SetAction((_, ct) => WithServices(async services =>
        {
            var receipt = await services.GetRequiredService<ReceivePlatformFlows>().HandleAsync(Actor.System, ct);
            await (receipt.Configured ? Console.Out : Console.Error).WriteLineAsync(receipt.Summary);
            return receipt.Configured ? 0 : 1;
        }));
        return new Command("einvoicing", "Facturation électronique par la plateforme agréée.") { send, receive };
    }
}
