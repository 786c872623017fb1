using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Partage.App.Demo;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Offices.Features;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Cli;

/// <summary>`partage users`: accounts with their role, and bearer tokens for scripts run on the server.</summary>
public static partial class PartageCommandLine
{
    private static Command Users()
    {
        var email = new Option<string>("--email") { Description = "Adresse e-mail (identifiant).", Required = true };
        var role = new Option<string>("--role") { Description = $"Rôle : {string.Join(", ", Roles.Assignable)}.", Required = true };
        var password = new Option<string>("--password") { Description = "Mot de passe (10 caractères au moins, majuscule, minuscule, chiffre).", Required = true };
        var name = new Option<string?>("--name") { Description = "Nom affiché (Prénom Nom pour un gestionnaire)." };
        var office = new Option<string?>("--office") { Description = "Pour le rôle Manager : ville ou nom du bureau." };
        var create = new Command("create", "Crée un compte avec un rôle.") { email, role, password, name, office };
        create.SetAction((parse, ct) => WithServices(services =>
            CreateUserAsync(services, parse.GetValue(role)!, parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name), parse.GetValue(office), ct)));

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

    /// <summary>An account with its role; a manager's is attached to an office and gets its activity-manager record.</summary>
    private static async Task<int> CreateUserAsync(IServiceProvider services, string roleText, string email, string password, string? name, string? officeText, CancellationToken ct)
    {
        var roleName = Roles.Assignable.FirstOrDefault(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase));
        if (roleName is null)
        {
            Console.Error.WriteLine($"Rôle inconnu « {roleText} ». Rôles : {string.Join(", ", Roles.Assignable)}.");
            return 2;
        }

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
        var address = email.Trim();
        var displayName = name ?? address;
        var user = new PartageUser { Id = Guid.CreateVersion7(), UserName = address, Email = address, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
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
    }
}
