using System.CommandLine;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Cli;

/// <summary>`partage payroll` and `partage payments`: the engine on a file, the payroll run, the SEPA files of released batches.</summary>
public static partial class PartageCommandLine
{
    private static Command PayrollVerbs()
    {
        var input = new Option<string>("--in") { Description = "Fichier JSON : une demande de paie ou un tableau de demandes (contrat : docs/payroll.md).", Required = true };
        var compute = new Command("compute", "Calcule des bulletins avec le moteur de paie ; le résultat JSON s'écrit sur la sortie standard.") { input };
        compute.SetAction((parse, ct) => WithServices(services => ComputeFromFileAsync(services, parse.GetValue(input)!, ct)));
        var until = new Option<string>("--until") { Description = "Date jusqu'à laquelle calculer et payer (AAAA-MM-JJ ; aujourd'hui par défaut)." };
        var run = new Command("run", "Calcule les bulletins des travaux terminés et prépare les lots de virement des salaires dus ; relancer ne paie jamais deux fois.") { until };
        run.SetAction((parse, ct) => WithServices(async services =>
        {
            var text = parse.GetValue(until);
            var day = text is null ? services.GetRequiredService<TimeProvider>().Today()
                : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed
                : throw new InputValidationException(new Dictionary<string, string[]> { ["--until"] = ["La date est au format AAAA-MM-JJ."] });
            // On standard error, like the logs: an operator (or a supervisor) sees the run has begun.
            await Console.Error.WriteLineAsync($"Paie jusqu'au {day:dd/MM/yyyy} : calcul des bulletins et préparation des virements…");
            var result = await services.GetRequiredService<Modules.Payroll.Features.RunPayroll>().HandleAsync(day, Actor.System, ct);
            Console.WriteLine(result.Summary);
            return 0;
        }));
        var entity = new Option<string>("--entity") { Description = "Code de l'entité déclarante (CAE, LNA, GE…).", Required = true };
        var month = new Option<string>("--month") { Description = "Mois déclaré (AAAA-MM).", Required = true };
        var folder = new Option<string>("--out") { Description = "Dossier où écrire le fichier DSN.", DefaultValueFactory = _ => "." };
        var test = new Option<bool>("--test") { Description = "Envoi d'essai (S10.G00.00.005 = 01)." };
        var dsn = new Command("dsn", "Écrit la DSN mensuelle d'une entité pour ses salariés membres, depuis les bulletins validés du mois (NEODeS, ISO-8859-1).") { entity, month, folder, test };
        dsn.SetAction((parse, ct) => WithServices(async services =>
        {
            var file = await services.GetRequiredService<Modules.Payroll.Features.GetEntityDsn>()
                .HandleAsync(parse.GetValue(entity), parse.GetValue(month), parse.GetValue(test), Actor.System, ct);
            var path = Path.Combine(parse.GetValue(folder)!, file.FileName);
            Directory.CreateDirectory(parse.GetValue(folder)!);
            await File.WriteAllBytesAsync(path, file.Content, ct);
            Console.WriteLine($"DSN écrite : {Path.GetFullPath(path)}");
            return 0;
        }));
        return new Command("payroll", "Paie.") { compute, run, dsn };
    }

    private static Command PaymentVerbs()
    {
        var output = new Option<string>("--out") { Description = "Dossier où écrire les fichiers SEPA.", DefaultValueFactory = _ => "." };
        var export = new Command("export", "Écrit le fichier SEPA (pain.001.001.09) de chaque lot de virement libéré.") { output };
        export.SetAction((parse, ct) => WithServices(async services =>
        {
            var files = await services.GetRequiredService<Modules.Payroll.Features.ExportWageBatches>().HandleAsync(parse.GetValue(output)!, Actor.System, ct);
            Console.WriteLine($"{files.Count} fichiers écrits dans {Path.GetFullPath(parse.GetValue(output)!)}.");
            return 0;
        }));
        return new Command("payments", "Virements.") { export };
    }

    /// <summary>The payroll engine on a JSON file of one request or an array of them; the results as JSON on standard output, the first bad request named.</summary>
    private static async Task<int> ComputeFromFileAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Fichier introuvable : {path}");
            return 1;
        }

        System.Text.Json.JsonDocument document;
        try
        {
            document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        }
        catch (System.Text.Json.JsonException e)
        {
            await Console.Error.WriteLineAsync($"{path} n'est pas un JSON valide : {e.Message}");
            return 1;
        }

        using (document)
        {
            var simulations = services.GetRequiredService<Modules.Payroll.Features.SimulatePayslip>();
            var items = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            var results = new List<Partage.Payroll.PayrollResult>();
            for (var n = 0; n < items.Count; n++)
            {
                try
                {
                    var request = System.Text.Json.JsonSerializer.Deserialize<Partage.Payroll.PayrollRequest>(items[n], Partage.Payroll.PayrollJson.Options)
                        ?? throw new InputValidationException(new Dictionary<string, string[]> { ["request"] = ["La demande est vide."] });
                    results.Add(await simulations.HandleAsync(request, ct));
                }
                catch (Exception e) when (e is InputValidationException or System.Text.Json.JsonException)
                {
                    await Console.Error.WriteLineAsync($"Demande n° {n + 1} :");
                    throw e is InputValidationException ? e : new InputValidationException(new Dictionary<string, string[]> { ["request"] = [e.Message] });
                }
            }

            object output = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? results : results[0];
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(output, Partage.Payroll.PayrollJson.Options));
            return 0;
        }
    }
}
