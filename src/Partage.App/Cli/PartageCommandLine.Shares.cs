using System.CommandLine;
using Partage.App.Modules.Governance.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Cli;

/// <summary>`partage shares register`: the share register of a cooperative on a day, as the law asks to keep it (PDF), and its shareholders by category (CSV).</summary>
public static partial class PartageCommandLine
{
    private static Command SharesVerbs()
    {
        var entity = new Option<string>("--entity") { Description = "Code de la coopérative (SCIC, GE).", Required = true };
        var date = new Option<string>("--date") { Description = "Date du registre (AAAA-MM-JJ ; aujourd'hui par défaut)." };
        var output = new Option<string>("--out") { Description = "Dossier où écrire le PDF et le CSV.", DefaultValueFactory = _ => "." };
        var register = new Command("register", "Écrit le registre des parts sociales à une date (PDF) et les sociétaires par catégorie (CSV : catégorie, sociétaires, parts, capital).")
        {
            entity, date, output,
        };
        register.SetAction((parse, ct) => WithServices(async services =>
        {
            var text = parse.GetValue(date);
            var day = text is null ? services.GetRequiredService<TimeProvider>().Today()
                : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed
                : throw new InputValidationException(new Dictionary<string, string[]> { ["--date"] = ["La date est au format AAAA-MM-JJ."] });
            var handler = services.GetRequiredService<GetShareRegister>();
            var code = parse.GetValue(entity)!.Trim().ToUpperInvariant();
            var view = await handler.HandleAsync(code, day, Actor.System, ct);
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var pdf = Path.Combine(folder, $"registre-parts-{code}-{day:yyyy-MM-dd}.pdf");
            var csv = Path.Combine(folder, $"societaires-par-categorie-{code}-{day:yyyy-MM-dd}.csv");
            await File.WriteAllBytesAsync(pdf, await handler.PdfAsync(code, day, Actor.System, ct), ct);
            await File.WriteAllBytesAsync(csv, await handler.CsvAsync(code, day, Actor.System, ct), ct);
            Console.WriteLine($"Registre de {code} au {day:dd/MM/yyyy} : {French.Count(view.Shareholders, "sociétaire")}, {French.Count(view.Shares, "part")}, capital {view.Capital.ToDisplayString()}. Fichiers : {pdf}, {csv}");
            return 0;
        }));
        return new Command("shares", "Registre des parts sociales.") { register };
    }
}
