using Partage.App.Infrastructure;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>Who organises the show or recording an intermittent is hired for, as the member declares it.</summary>
public static class OrganiserRoles
{
    /// <summary>The cooperative produces (and, if it sells the show, the organiser signs a contrat de cession).</summary>
    public const string Cooperative = "cooperative";

    /// <summary>A producer or venue holding a live-performance licence buys the show.</summary>
    public const string LicensedBuyer = "licensed_buyer";

    /// <summary>A bar, a town hall, a company: no licence, not in live performance, hiring the artist for its own event.</summary>
    public const string Occasional = "occasional";

    public static readonly IReadOnlyList<string> All = [Cooperative, LicensedBuyer, Occasional];

    public static string Label(string role) => role switch
    {
        Cooperative => "la coopérative produit le spectacle",
        LicensedBuyer => "un producteur ou un lieu titulaire d'une licence achète le spectacle",
        _ => "organisateur occasionnel (sans licence, activité principale hors spectacle) pour son propre événement",
    };
}

/// <summary>
/// The show or recording an intermittent job belongs to, with its organiser (annexes 8 and 10): the function held
/// (<see cref="IntermittentFunctions"/>), the production's title, and the organiser's SIRET, APE code, licence and role.
/// </summary>
public sealed record JobProduction(string Function, bool Recording, string Title, string OrganiserName, string OrganiserSiret, string OrganiserApe, string? OrganiserLicence, string OrganiserRole)
{
    /// <summary>Live performance (90.01Z, 90.02Z, 90.04Z), cinema and audiovisual (59.11 to 59.20), radio and television (60.10Z, 60.20).</summary>
    private static readonly string[] ShowApeCodes = ["9001Z", "9002Z", "9004Z", "5911A", "5911B", "5911C", "5912Z", "5913A", "5913B", "5920Z", "6010Z", "6020A", "6020B"];

    public const string GusoLink = "https://www.guso.fr";

    /// <summary>An organiser with no licence whose main activity is not the show: the GUSO is theirs (L7122-22).</summary>
    public bool OrganiserIsOccasional => OrganiserLicence is null && !ShowApeCodes.Contains(OrganiserApe, StringComparer.Ordinal);

    /// <summary>What an intermittent job must say of its production; null for the régime général, which has none.</summary>
    public static JobProduction? Read(Features.JobInput input, EmployeeKind? kind, Validation v)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(v);
        if (kind is null or EmployeeKind.RegimeGeneral)
        {
            return null;
        }

        var function = v.Required("Function", "La fonction exercée (listes des annexes 8 et 10)", input.Function, 100);
        var production = input.Production?.Trim();
        if (production is not ("show" or "recording"))
        {
            v.Add("Production", "Indiquez s'il s'agit d'un spectacle (show) ou d'un enregistrement (recording).");
        }

        var title = v.Required("Title", "Le titre du spectacle ou de l'enregistrement", input.Title, 200);
        var name = v.Required("OrganiserName", "Le nom de l'organisateur", input.OrganiserName, 200);
        var siret = v.Parsed<Siret>("OrganiserSiret", input.OrganiserSiret, Siret.TryParse);
        if (siret is null && string.IsNullOrWhiteSpace(input.OrganiserSiret))
        {
            v.Add("OrganiserSiret", "Le SIRET de l'organisateur est obligatoire.");
        }

        var ape = input.OrganiserApe?.Replace(".", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (ape is not { Length: 5 } || !ape[..4].All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(ape[4]))
        {
            v.Add("OrganiserApe", "Le code APE de l'organisateur compte quatre chiffres et une lettre (par exemple 9001Z), tel qu'il figure sur son avis de situation INSEE.");
        }

        var licence = v.Optional("OrganiserLicence", "Le numéro de licence ou de récépissé de déclaration", input.OrganiserLicence, 50);
        var role = input.OrganiserRole?.Trim();
        if (role is null || !OrganiserRoles.All.Contains(role, StringComparer.Ordinal))
        {
            v.Add("OrganiserRole", "Précisez qui organise : la coopérative produit le spectacle (cooperative), un titulaire de licence l'achète (licensed_buyer) ou un organisateur occasionnel (occasional).");
        }
        else if (role == OrganiserRoles.LicensedBuyer && licence is null)
        {
            v.Add("OrganiserLicence", "Un producteur ou un lieu qui achète le spectacle donne son numéro de licence d'entrepreneur de spectacles ou de récépissé de déclaration (art. L7122-3).");
        }

        return new JobProduction(function, production == "recording", title, name, siret?.Value ?? string.Empty, ape ?? string.Empty, licence, role ?? string.Empty);
    }

    /// <summary>The rules of annexes 8 and 10 and of the GUSO this production breaks, each as the member should read it.</summary>
    public IEnumerable<(string Rule, string Message)> Problems(EmployeeKind kind)
    {
        if (IntermittentFunctions.Refusal(kind, Function) is { } outside)
        {
            yield return (ComplianceRules.Function, outside);
        }

        if (OrganiserRole == OrganiserRoles.Occasional)
        {
            yield return (ComplianceRules.Guso,
                $"{OrganiserName} organise son propre événement sans licence d'entrepreneur de spectacles et n'a pas le spectacle pour activité principale : c'est un organisateur occasionnel, "
                + $"qui engage et déclare lui-même l'artiste ou le technicien par le GUSO (guichet unique du spectacle occasionnel, art. L7122-22 et suivants du code du travail, {GusoLink}). "
                + "Partage ne peut pas être l'employeur à sa place. Si la coopérative produit réellement le spectacle et le lui vend, déclarez-le ainsi : un contrat de cession sera signé.");
        }
    }
}
