using System.CommandLine;
using System.Text.Json;
using Partage.App.Infrastructure;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Cli;

/// <summary>`partage report history import` loads the years before the platform; `partage report annual` writes a year's report: each table as CSV and XLSX, and report.json.</summary>
public static partial class PartageCommandLine
{
    private static Command ReportVerbs()
    {
        var input = new Option<string>("--in") { Description = "Le fichier d'historique : le modèle CSV (table;row;year;value;scope) ou le JSON du rapport annuel 2016.", Required = true };
        var import = new Command("import", "Charge les chiffres des années passées (tout ou rien ; un chiffre chargé à nouveau remplace le précédent).") { input };
        import.SetAction((parse, ct) => WithServices(async services =>
        {
            var path = parse.GetValue(input)!;
            var content = File.Exists(path) ? await File.ReadAllBytesAsync(path, ct)
                : throw new InputValidationException(new Dictionary<string, string[]> { ["--in"] = [$"Le fichier {path} n'existe pas."] });
            var result = await services.GetRequiredService<ImportHistory>().HandleAsync(path, content, Actor.System, ct);
            Console.WriteLine($"Historique chargé : {French.Count(result.Figures, "chiffre")} ({result.Added} nouveaux, {result.Replaced} remplacés), années {string.Join(", ", result.Years)}.");
            return 0;
        }));
        var year = new Option<int>("--year") { Description = "L'année du rapport.", Required = true };
        var entity = new Option<string>("--entity") { Description = "Le code d'une structure (SCIC, LNA, GE) ; tout le groupe par défaut." };
        var office = new Option<Guid?>("--office") { Description = "L'identifiant d'un bureau ; tous par défaut." };
        var output = new Option<string>("--out") { Description = "Dossier où écrire les fichiers.", Required = true };
        var annual = new Command("annual", "Écrit le rapport annuel d'une année : le PDF, chaque tableau en CSV et XLSX, et report.json (tableaux, lignes, totaux et progressions calculés).")
        {
            year, entity, office, output,
        };
        annual.SetAction((parse, ct) => WithServices(async services =>
        {
            var (report, pdf) = await services.GetRequiredService<GetAnnualReport>().PdfAsync(parse.GetValue(year), parse.GetValue(entity),
                parse.GetValue(office) is { } o ? OfficeId.From(o) : null, Actor.System, ct);
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            foreach (var table in report.Tables)
            {
                var (headers, rows) = GetAnnualReport.Grid(table);
                await using (var csv = File.Create(Path.Combine(folder, $"{table.Code}.csv")))
                {
                    await SpreadsheetCsv.WriteAsync(csv, headers, rows, ct);
                }

                await using var xlsx = File.Create(Path.Combine(folder, $"{table.Code}.xlsx"));
                await SpreadsheetXlsx.WriteAsync(xlsx, table.Code.Length > 31 ? table.Code[..31] : table.Code, headers, rows, ct);
            }

            await File.WriteAllBytesAsync(Path.Combine(folder, $"rapport-annuel-{report.Year}.pdf"), pdf, ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct);
            Console.WriteLine($"Rapport {report.Year} — {report.Scope} : {French.Count(report.Tables.Count, "tableau", "tableaux")} écrits dans {folder}.");
            return 0;
        }));
        return new Command("report", "Rapport annuel.") { new Command("history", "L'historique des années d'avant la plateforme.") { import }, annual };
    }
}
