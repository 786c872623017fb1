using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Offices;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record EmployerInput(
    string? Name, string? LegalForm, string? Sector, string? Siret, string? Ape, string? CollectiveAgreement, string? UrssafReference, string? FundReferences,
    string? AtMpRate, string? Headcount, string? OfficeId, string? Street, string? PostalCode, string? City, string? BillingEmail, string? ExposureLimit)
{
    /// <summary>The SIRET of the employer's URSSAF, for the yearly contributions of its DSN under a complete mandate (optional until then).</summary>
    public string? UrssafSiret { get; init; }

    /// <summary>The live-performance licence (or declaration receipt) number and its end of validity (yyyy-MM-dd), both or neither.</summary>
    public string? LicenceNumber { get; init; }

    public string? LicenceValidUntil { get; init; }
}

/// <summary>The rules of an employer's record, the same at registration and at each change: every problem at once, SIRET unique.</summary>
public sealed class EmployerRecord(PartageDbContext db, IOfficesApi offices)
{
    internal async Task ApplyAsync(Employer employer, EmployerInput input, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Required("Name", "La raison sociale", input.Name, 200);
        var form = v.Enum<EmployerLegalForm>("LegalForm", "La forme juridique", input.LegalForm, required: true);
        var sector = v.Enum<EmployerSector>("Sector", "Le secteur", input.Sector, required: true);
        var siret = v.Parsed<Siret>("Siret", input.Siret, Siret.TryParse);
        if (siret is null && string.IsNullOrWhiteSpace(input.Siret))
        {
            v.Add("Siret", "Le SIRET est obligatoire.");
        }

        var ape = v.Required("Ape", "Le code APE", input.Ape, 5).ToUpperInvariant();
        if (ape.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(ape, "^[0-9]{4}[A-Z]$"))
        {
            v.Add("Ape", "Le code APE s'écrit 4 chiffres et une lettre (9001Z).");
        }

        var idcc = v.Required("CollectiveAgreement", "La convention collective (IDCC)", input.CollectiveAgreement, 4);
        if (idcc.Length > 0 && !idcc.All(char.IsAsciiDigit))
        {
            v.Add("CollectiveAgreement", "L'IDCC compte 4 chiffres (3090 pour le spectacle vivant privé).");
        }

        var (urssaf, funds, atMp, headcount) = PayrollReferences(input, v);
        var urssafSiret = string.IsNullOrWhiteSpace(input.UrssafSiret) ? null : v.Parsed<Siret>("UrssafSiret", input.UrssafSiret, Siret.TryParse);

        var (licence, licenceUntil) = Licence(input, v);
        var office = v.Id<OfficeId>("OfficeId", "Le bureau", input.OfficeId, required: true);
        if (office is { } o && await offices.FindOfficeAsync(o, ct) is null)
        {
            v.Add("OfficeId", "Ce bureau n'existe pas.");
        }

        var street = v.Required("Street", "L'adresse", input.Street, 200);
        var postalCode = v.Required("PostalCode", "Le code postal", input.PostalCode, 10);
        var city = v.Required("City", "La ville", input.City, 100);
        var email = v.Email("BillingEmail", input.BillingEmail);
        var limit = v.Amount("ExposureLimit", "Le plafond d'exposition", input.ExposureLimit, required: false) ?? Money.Eur(1_000_000);
        if (limit.Cents < 0)
        {
            v.Add("ExposureLimit", "Le plafond d'exposition est positif.");
        }

        v.ThrowIfInvalid();
        if (await db.Set<Employer>().AnyAsync(e => e.Siret == siret!.Value && e.Id != employer.Id, ct))
        {
            throw new DomainException(EmployersErrors.Duplicate);
        }

        (employer.Name, employer.LegalForm, employer.Sector, employer.Siret, employer.Ape, employer.CollectiveAgreement) = (name, form!.Value, sector!.Value, siret!.Value, ape, idcc);
        (employer.UrssafReference, employer.FundReferences, employer.AtMpRate, employer.Headcount, employer.OfficeId) = (urssaf, funds, atMp, (int)headcount, office!.Value);
        (employer.Street, employer.PostalCode, employer.City, employer.BillingEmail, employer.ExposureLimitCents) = (street, postalCode, city, email, limit.Cents);
        employer.UrssafSiret = urssafSiret?.Value;
        (employer.LicenceNumber, employer.LicenceValidUntil) = (licence, licenceUntil);
    }

    /// <summary>A licence is a number and an end of validity, given together (a licence or a declaration receipt lasts five years).</summary>
    private static (string? Number, DateOnly? ValidUntil) Licence(EmployerInput input, Validation v)
    {
        var number = v.Optional("LicenceNumber", "Le numéro de licence d'entrepreneur de spectacles", input.LicenceNumber, 100);
        var until = v.Date("LicenceValidUntil", "La fin de validité de la licence", input.LicenceValidUntil, required: false);
        if (number is not null && until is null)
        {
            v.Add("LicenceValidUntil", "Indiquez jusqu'à quand la licence est valable (une licence ou un récépissé de déclaration vaut cinq ans).");
        }
        else if (number is null && until is not null)
        {
            v.Add("LicenceNumber", "Indiquez le numéro de la licence (ou du récépissé de déclaration) dont vous donnez la fin de validité.");
        }

        return (number, until);
    }

    /// <summary>What the employer's payslips and declarations are computed with: its URSSAF and funds' references, AT/MP rate and headcount.</summary>
    private static (string Urssaf, string Funds, decimal AtMp, decimal Headcount) PayrollReferences(EmployerInput input, Validation v)
    {
        var urssaf = v.Required("UrssafReference", "La référence URSSAF", input.UrssafReference, 30);
        var funds = v.Optional("FundReferences", "Les références des caisses", input.FundReferences, 300) ?? string.Empty;
        var atMp = v.Decimal("AtMpRate", "Le taux AT/MP", input.AtMpRate, required: true);
        if (atMp is < 0 or > 0.2m)
        {
            v.Add("AtMpRate", "Le taux AT/MP est une fraction entre 0 et 0,2 (0,0123 pour 1,23 %).");
        }

        var headcount = v.Decimal("Headcount", "L'effectif", input.Headcount, required: true);
        if (headcount is { } h && (h < 0 || h != decimal.Truncate(h) || h > 100_000))
        {
            v.Add("Headcount", "L'effectif est un nombre entier de salariés.");
        }

        return (urssaf, funds, atMp ?? 0, headcount ?? 0);   // an integer within bounds once the caller has thrown the problems
    }
}
