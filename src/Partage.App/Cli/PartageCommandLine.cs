using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Partage.App.Demo;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Offices.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Cli;

/// <summary>
/// The command-line verbs of the same executable (`partage VERB`): they use the same
/// configuration (Database__Provider, ConnectionStrings__Partage) and services as the web server.
/// </summary>
public static class PartageCommandLine
{
    private static readonly string[] Verbs = ["db", "users", "demo", "ledger", "invoices", "payroll", "payments", "--help", "-h", "-?"];

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

    private static Command Users()
    {
        var email = new Option<string>("--email") { Description = "Adresse e-mail (identifiant).", Required = true };
        var role = new Option<string>("--role") { Description = $"Rôle : {string.Join(", ", Roles.All)}.", Required = true };
        var password = new Option<string>("--password") { Description = "Mot de passe (10 caractères au moins, majuscule, minuscule, chiffre).", Required = true };
        var name = new Option<string?>("--name") { Description = "Nom affiché (Prénom Nom pour un gestionnaire)." };
        var office = new Option<string?>("--office") { Description = "Pour le rôle Manager : ville ou nom du bureau." };
        var create = new Command("create", "Crée un compte avec un rôle.") { email, role, password, name, office };
        create.SetAction((parse, ct) => WithServices(async services =>
        {
            var roleName = Roles.All.FirstOrDefault(r => string.Equals(r, parse.GetValue(role), StringComparison.OrdinalIgnoreCase));
            if (roleName is null)
            {
                Console.Error.WriteLine($"Rôle inconnu « {parse.GetValue(role)} ». Rôles : {string.Join(", ", Roles.All)}.");
                return 2;
            }

            var officeText = parse.GetValue(office);
            OfficeView? managedOffice = null;
            if (roleName == Roles.Manager)
            {
                var offices = await services.GetRequiredService<IOfficesApi>().ListOfficesAsync(ct);
                managedOffice = offices.FirstOrDefault(o => string.Equals(o.City, officeText, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(o.Name, officeText, StringComparison.OrdinalIgnoreCase));
                if (managedOffice is null)
                {
                    Console.Error.WriteLine($"Un gestionnaire doit être rattaché à un bureau existant (--office). Bureaux : {string.Join(", ", offices.Select(o => o.City))}.");
                    return 2;
                }
            }

            await services.GetRequiredService<DemoSeeder>().EnsureRolesAsync();
            var users = services.GetRequiredService<UserManager<PartageUser>>();
            var address = parse.GetValue(email)!.Trim();
            var displayName = parse.GetValue(name) ?? address;
            var user = new PartageUser { Id = Guid.CreateVersion7(), UserName = address, Email = address, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, parse.GetValue(password)!);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
                return 1;
            }

            await users.AddToRoleAsync(user, roleName);
            if (managedOffice is not null)
            {
                var parts = displayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                await services.GetRequiredService<CreateActivityManager>().HandleAsync(
                    managedOffice.Id,
                    new CreateActivityManagerInput(parts[0], parts.Length > 1 ? parts[1] : parts[0], address, user.Id),
                    Actor.System,
                    ct);
            }

            Console.WriteLine($"Compte créé : {address} ({roleName}{(managedOffice is null ? string.Empty : ", " + managedOffice.Name)}).");
            return 0;
        }));

        var tokenEmail = new Option<string>("--email") { Description = "Compte pour lequel émettre le jeton.", Required = true };
        var token = new Command("token", "Affiche un jeton porteur pour l'API (scripts exécutés sur le serveur).") { tokenEmail };
        token.SetAction((parse, ct) => WithServices(async services =>
        {
            var (value, expiresAt) = await services.GetRequiredService<TokenIssuer>().IssueAsync(parse.GetValue(tokenEmail)!.Trim(), ct);
            Console.WriteLine(value);
            Console.Error.WriteLine($"Expire le {expiresAt:yyyy-MM-dd HH:mm} UTC.");
            return 0;
        }));
        return new Command("users", "Comptes et jetons.") { create, token };
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
            var files = await services.GetRequiredService<Modules.Invoicing.FacturX.InvoiceArchive>()
                .ExportAsync(parse.GetValue(entity), parse.GetValue(from), parse.GetValue(to), parse.GetValue(output)!, Actor.System, ct);
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

    private static Command PayrollVerbs()
    {
        var input = new Option<string>("--in") { Description = "Fichier JSON : une demande de paie ou un tableau de demandes (contrat : docs/payroll.md).", Required = true };
        var compute = new Command("compute", "Calcule des bulletins avec le moteur de paie ; le résultat JSON s'écrit sur la sortie standard.") { input };
        compute.SetAction((parse, ct) => WithServices(async services =>
        {
            var path = parse.GetValue(input)!;
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
                var simulations = services.GetRequiredService<Modules.Payroll.PayrollSimulations>();
                var items = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
                var results = new List<Partage.Payroll.PayrollResult>();
                for (var n = 0; n < items.Count; n++)
                {
                    try
                    {
                        var request = System.Text.Json.JsonSerializer.Deserialize<Partage.Payroll.PayrollRequest>(items[n], Partage.Payroll.PayrollJson.Options)
                            ?? throw new InputValidationException(new Dictionary<string, string[]> { ["request"] = ["La demande est vide."] });
                        results.Add(await simulations.ComputeAsync(request, ct));
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
        }));
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
        return new Command("payroll", "Paie.") { compute, run };
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
