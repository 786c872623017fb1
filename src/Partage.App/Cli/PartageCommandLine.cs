using System.CommandLine;
using Partage.App.Demo;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Cli;

/// <summary>
/// The command-line verbs of the same executable (`partage VERB`): they use the same
/// configuration (Database__Provider, ConnectionStrings__Partage) and services as the web server.
/// </summary>
public static partial class PartageCommandLine
{
    private static readonly string[] Verbs = ["db", "users", "demo", "ledger", "invoices", "payroll", "payments", "einvoicing", "shares", "leases", "report", "--help", "-h", "-?"];

    /// <summary>Any first word that is not an option (the web server's are `--Section:Key=value`, `--urls`) is a verb, known or not.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && (Verbs.Contains(args[0], StringComparer.Ordinal) || !args[0].StartsWith('-'));

    public static Task<int> RunAsync(string[] args)
    {
        if (!Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            // Never start the web server (and seed a demo) on a mistyped verb.
            Console.Error.WriteLine($"Verbe inconnu « {args[0]} » : `partage --help` liste les verbes.");
            return Task.FromResult(2);
        }

        return BuildRoot().Parse(args).InvokeAsync();
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("Partage — plateforme de l'entreprise partagée. Sans verbe : démarre le serveur web.");
        root.Subcommands.Add(Db());
        root.Subcommands.Add(Users());
        root.Subcommands.Add(Demo());
        root.Subcommands.Add(Ledger());
        root.Subcommands.Add(Invoices());
        root.Subcommands.Add(PayrollVerbs());
        root.Subcommands.Add(PaymentVerbs());
        root.Subcommands.Add(EInvoicingVerbs());
        root.Subcommands.Add(SharesVerbs());
        root.Subcommands.Add(LeasesVerbs());
        root.Subcommands.Add(ReportVerbs());
        return root;
    }

    private static Command Db()
    {
        var migrate = new Command("migrate", "Applique les migrations en attente à la base configurée.");
        migrate.SetAction((_, ct) => WithServices(requiresMigratedDatabase: false, async services =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await services.GetRequiredService<DemoSeeder>().EnsureRolesAsync();
            Console.WriteLine(applied.Count == 0 ? "La base est à jour." : $"{applied.Count} migration(s) appliquée(s) : {string.Join(", ", applied)}");
            return 0;
        }));
        var backup = new Command("backup", "Copie la base SQLite dans data/backups (PostgreSQL : utilisez pg_dump).");
        backup.SetAction((_, _) => WithServices(requiresMigratedDatabase: false, services =>
        {
            var options = services.GetRequiredService<DatabaseOptions>();
            if (options.SqliteFilePath is not { } file || !File.Exists(file))
            {
                Console.Error.WriteLine("Aucun fichier SQLite à sauvegarder (pour PostgreSQL, utilisez pg_dump).");
                return Task.FromResult(1);
            }

            Console.WriteLine(services.GetRequiredService<DatabaseMigrator>().BackupSqlite(file));
            return Task.FromResult(0);
        }));
        return new Command("db", "Base de données.") { migrate, backup };
    }

    private static Command Demo()
    {
        var members = new Option<int>("--members") { Description = "Nombre de membres à ajouter.", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Graine du générateur (mêmes données pour la même graine).", DefaultValueFactory = _ => 2016 };
        var seedCommand = new Command("seed", "Charge des données de démonstration réalistes (réseau, comptes, membres, activités).") { members, seed };
        seedCommand.SetAction((parse, ct) => WithServices(async services =>
        {
            var count = parse.GetValue(members);
            if (count < 0)
            {
                Console.Error.WriteLine("--members doit être positif ou nul.");
                return 2;
            }

            var started = TimeProvider.System.GetTimestamp();
            var seeder = services.GetRequiredService<DemoSeeder>();
            await seeder.SeedAsync(count, parse.GetValue(seed), ct: ct);
            Console.WriteLine($"{count} membres ajoutés en {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s.");
            await seeder.PrintDemoAccountsAsync(Console.Out);
            return 0;
        }));
        return new Command("demo", "Données de démonstration.") { seedCommand };
    }

    private static Command Invoices()
    {
        var entity = new Option<string>("--entity") { Description = "Code de l'entité (SCIC, LNA, GE).", Required = true };
        var from = new Option<string>("--from") { Description = "Première date d'émission (AAAA-MM-JJ).", Required = true };
        var to = new Option<string>("--to") { Description = "Dernière date d'émission (AAAA-MM-JJ).", Required = true };
        var output = new Option<string>("--out") { Description = "Dossier où écrire les PDF.", DefaultValueFactory = _ => "." };
        var export = new Command("export", "Écrit le PDF Factur-X de chaque facture et avoir émis sur la période (archive légale).") { entity, from, to, output };
        export.SetAction((parse, ct) => WithServices(async services =>
        {
            var files = await services.GetRequiredService<Modules.Invoicing.Features.ExportInvoiceArchive>()
                .HandleAsync(parse.GetValue(entity), parse.GetValue(from), parse.GetValue(to), parse.GetValue(output)!, Actor.System, ct);
            Console.WriteLine($"{files.Count} documents écrits dans {Path.GetFullPath(parse.GetValue(output)!)}.");
            return 0;
        }));
        var dunning = new Command("dunning", "Relance les factures échues selon le calendrier (à lancer chaque jour).");
        dunning.SetAction((parse, ct) => WithServices(async services =>
        {
            var run = await services.GetRequiredService<Modules.Invoicing.Features.RunDunning>().HandleAsync(Actor.System, ct);
            Console.WriteLine(run.Summary);
            return 0;
        }));
        return new Command("invoices", "Factures.") { export, dunning };
    }

    private static Command Ledger()
    {
        var entity = new Option<string?>("--entity") { Description = "Code de l'entité (SCIC, LNA, GE) ; toutes par défaut." };
        var check = new Command("check", "Vérifie que chaque écriture et le livre entier sont équilibrés (code de sortie 1 sinon).") { entity };
        check.SetAction((parse, ct) => WithServices(async services =>
        {
            var result = await services.GetRequiredService<CheckBooks>().HandleAsync(parse.GetValue(entity), ct);
            Console.WriteLine($"{result.Entries} écritures ; débits {Money.Eur(result.TotalDebitCents).ToDisplayString()}, crédits {Money.Eur(result.TotalCreditCents).ToDisplayString()}.");
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            if (!result.IsBalanced)
            {
                Console.Error.WriteLine($"DÉSÉQUILIBRE : {result.UnbalancedEntries} écriture(s) déséquilibrée(s), {result.EntriesWithFewerThanTwoLines} écriture(s) de moins de deux lignes.");
                return 1;
            }

            Console.WriteLine("Livre équilibré.");
            return 0;
        }));

        var fecEntity = new Option<string>("--entity") { Description = "Code de l'entité (SCIC, LNA, GE).", Required = true };
        var year = new Option<int>("--year") { Description = "Année de clôture de l'exercice.", Required = true };
        var output = new Option<string>("--out") { Description = "Dossier où écrire SirenFECAAAAMMJJ.txt.", DefaultValueFactory = _ => "." };
        var fec = new Command("fec", "Écrit le fichier des écritures comptables (FEC) d'un exercice.") { fecEntity, year, output };
        fec.SetAction((parse, ct) => WithServices(async services =>
        {
            var export = services.GetRequiredService<FecExport>();
            var file = await export.PrepareAsync(parse.GetValue(fecEntity)!, parse.GetValue(year), Actor.System, ct);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, file.FileName);
            await using (var stream = File.Create(path))
            {
                await export.WriteAsync(file, stream, ct);
            }

            Console.WriteLine(Path.GetFullPath(path));
            return 0;
        }));
        var month = new Option<string>("--month") { Description = "Mois des forfaits (AAAA-MM).", Required = true };
        var monthlyFees = new Command("monthly-fees", "Passe les forfaits mensuels de contribution coopérative d'un mois (sans effet si déjà passés).") { month };
        monthlyFees.SetAction((parse, ct) => WithServices(async services =>
        {
            var run = await services.GetRequiredService<MonthlyFees>().RunAsync(parse.GetValue(month), Actor.System, ct);
            Console.WriteLine(run.Summary);
            return 0;
        }));
        return new Command("ledger", "Comptabilité.") { check, fec, monthlyFees };
    }

    /// <summary>Builds the platform's services without starting the web server, runs the verb in a scope, and reports failures in French.</summary>
    private static Task<int> WithServices(Func<IServiceProvider, Task<int>> verb) => WithServices(requiresMigratedDatabase: true, verb);

    /// <summary>
    /// Runs a verb with the platform's services. Logs go to standard error so that a data verb's
    /// standard output carries only its data; a database that was never migrated is said in one line.
    /// </summary>
    private static async Task<int> WithServices(bool requiresMigratedDatabase, Func<IServiceProvider, Task<int>> verb)
    {
        WebApplicationBuilder builder;
        try
        {
            builder = PartageHost.CreateBuilder([]);
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var app = PartageHost.Build(builder);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            if (requiresMigratedDatabase && await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().PendingAsync() is { Count: > 0 } pending)
            {
                await Console.Error.WriteLineAsync($"La base n'est pas à jour ({pending.Count} migration(s) en attente) : lancez d'abord `partage db migrate`.");
                return 1;
            }

            return await verb(scope.ServiceProvider);
        }
        catch (DomainException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                await Console.Error.WriteLineAsync($"{field} : {string.Join(" ", messages)}");
            }

            return 1;
        }
    }
}
