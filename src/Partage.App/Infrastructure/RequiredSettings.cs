using System.Net.Mail;
using Partage.App.Modules.Payroll.Features;
using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>
/// The settings a deployed platform cannot guess: the bank accounts printed on invoices and used
/// as SEPA debtor, the establishments' references declared to URSSAF (NIC of the SIRET, APE, URSSAF
/// code), the mail sender and the public address put in links. Development fills them with demo
/// values (appsettings.Development.json); anywhere else a start without them stops before touching
/// the database, with one French message naming each, instead of printing demo values on legal documents.
/// </summary>
public static class RequiredSettings
{
    /// <summary>The legal entities of the group, each an establishment declared to URSSAF.</summary>
    private static readonly string[] Entities = ["SCIC", "LNA", "GE"];

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var section in new[] { "Invoicing", "Payroll" })
        {
            var what = section == "Invoicing" ? "le compte où les clients paient" : "le compte qui paie les salaires";
            if (!Iban.TryParse(configuration[$"{section}:Iban"], out _, out var error))
            {
                problems.Add($"{section}__Iban ({what}) : {(string.IsNullOrWhiteSpace(configuration[$"{section}:Iban"]) ? "manquant" : error)}");
            }

            if (configuration[$"{section}:Bic"]?.Trim() is not { Length: 8 or 11 } bic || !bic.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add($"{section}__Bic (BIC de ce compte, 8 ou 11 caractères) : manquant ou invalide");
            }
        }

        foreach (var entity in Entities)
        {
            var establishment = configuration.GetSection($"Payroll:Establishments:{entity}").Get<EstablishmentOptions>();
            if (establishment is not { IsComplete: true })
            {
                problems.Add($"Payroll__Establishments__{entity}__Nic, __Ape, __UrssafCode, __Phone (l'établissement {entity} déclaré à l'URSSAF) : incomplet");
            }
        }

        if (configuration["Security:PersonalDataKey"] is not { Length: > 0 } key || !Convert.TryFromBase64String(key.Trim(), new byte[32], out var length) || length != 32)
        {
            problems.Add("Security__PersonalDataKey (la clé qui chiffre NIR et IBAN en base : 32 octets en base64, `openssl rand -base64 32` ; à sauvegarder hors de la base) : manquante ou invalide");
        }

        if (!MailAddress.TryCreate(configuration["Mail:From"], out _))
        {
            problems.Add("Mail__From (l'expéditeur des e-mails, par exemple « Partage <factures@exemple.coop> ») : manquant ou invalide");
        }

        if (!Uri.TryCreate(configuration["App:PublicUrl"], UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems.Add("App__PublicUrl (l'adresse publique mise dans les liens envoyés aux clients) : manquante ou invalide");
        }

        return problems;
    }
}

/// <summary>The platform cannot start as configured; the message says what to set, in French.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
