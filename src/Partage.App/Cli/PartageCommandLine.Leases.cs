using System.CommandLine;
using Partage.App.Modules.Leasing.Features;
using Partage.App.Security;

namespace Partage.App.Cli;

/// <summary>`partage leases collect`: the day's collection of the lease instalments by hand, and that day's pain.008 files written out.</summary>
public static partial class PartageCommandLine
{
    private static Command LeasesVerbs()
    {
        var date = new Option<string>("--date") { Description = "Jour de collecte (AAAA-MM-JJ ; aujourd'hui par défaut, jamais dans le futur)." };
        var output = new Option<string>("--out") { Description = "Dossier où écrire les fichiers de prélèvement SEPA (pain.008) du jour.", DefaultValueFactory = _ => "." };
        var collect = new Command("collect", "Collecte les échéances du jour (préavis, budgets, prélèvements, impayés) et écrit les fichiers pain.008 du jour, s'il y en a.")
        {
            date, output,
        };
        collect.SetAction((parse, ct) => WithServices(async services =>
        {
            var result = await services.GetRequiredService<CollectInstalments>().HandleAsync(new CollectInstalmentsInput(parse.GetValue(date)), Actor.System, ct);
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var written = new List<string>();
            // The day's files, this run's and any an earlier run of the day wrote (the scheduler's at 6:30).
            foreach (var file in await services.GetRequiredService<GetDirectDebitFile>().OfDayAsync(result.Date, Actor.System, ct))
            {
                var path = Path.Combine(folder, $"{file.MessageId}.xml");
                await File.WriteAllBytesAsync(path, file.Content, ct);
                written.Add(path);
            }

            Console.WriteLine($"Collecte du {result.Date:dd/MM/yyyy} : {result.Summary}.{(written.Count > 0 ? " Fichiers : " + string.Join(", ", written) : string.Empty)}");
            return 0;
        }));
        return new Command("leases", "Location de matériel aux membres (Matlease).") { collect };
    }
}
