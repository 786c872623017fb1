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
        var entity = new Option<string>("--entity") { Description = "Code de l'entité (SCIC, LNA, GE).", Required = true };
        var month = new Option<string>("--month") { Description = "Mois déclaré (AAAA-MM).", Required = true };
        var output = new Option<string>("--out") { Description = "Dossier où écrire les deux fichiers.", DefaultValueFactory = _ => "." };
        var ereport = new Command("ereport", "Écrit l'e-reporting du mois (transactions et encaissements, flux 10) et, avec une plateforme, le met en file pour elle.")
        {
            entity, month, output,
        };
        ereport.SetAction((parse, ct) => WithServices(async services =>
        {
            var files = await services.GetRequiredService<BuildEReport>().HandleAsync(parse.GetValue(entity), parse.GetValue(month), Actor.System, ct);
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            await File.WriteAllBytesAsync(Path.Combine(folder, files.TransactionsName), files.TransactionsFile, ct);
            await File.WriteAllBytesAsync(Path.Combine(folder, files.PaymentsName), files.PaymentsFile, ct);
            Console.WriteLine($"{files.Summary} Fichiers : {Path.Combine(folder, files.TransactionsName)}, {Path.Combine(folder, files.PaymentsName)}");
            return 0;
        }));
        return new Command("einvoicing", "Facturation électronique par la plateforme agréée.") { send, receive, ereport };
    }
}
