using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members;

/// <summary>
/// Checks and applies the member fields shared by creation, self-registration and edits, so that
/// every path gives the same messages. A null value leaves the field as it is.
/// </summary>
internal static class MemberFields
{
    public static void ApplyContact(
        Validation v, Member member, string? phone, string? street, string? postalCode, string? city, string? country,
        string? nir, string? iban, bool required)
    {
        if (phone is not null)
        {
            member.Phone = v.Optional("Phone", "Le téléphone", phone, 30);
            if (member.Phone is not null && !member.Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
            {
                v.Add("Phone", "Le téléphone ne doit contenir que des chiffres, des espaces et « + ».");
            }
        }

        if (street is not null || required)
        {
            member.Street = v.Required("Street", "L'adresse", street, 200);
        }

        if (postalCode is not null || required)
        {
            member.PostalCode = v.Required("PostalCode", "Le code postal", postalCode, 12);
        }

        if (city is not null || required)
        {
            member.City = v.Required("City", "La ville", city, 100);
        }

        if (country is not null)
        {
            member.Country = v.Required("Country", "Le pays", country, 2).ToUpperInvariant();
            if (member.Country.Length != 2 || !member.Country.All(char.IsAsciiLetterUpper))
            {
                v.Add("Country", "Le pays s'écrit en code ISO à deux lettres (FR, BE…).");
            }
        }

        if (member.Country == "FR" && member.PostalCode.Length > 0 && (member.PostalCode.Length != 5 || !member.PostalCode.All(char.IsAsciiDigit)))
        {
            v.Add("PostalCode", "Un code postal français compte 5 chiffres.");
        }

        if (!string.IsNullOrWhiteSpace(nir))
        {
            member.Nir = v.Parsed<Nir>("Nir", nir, Nir.TryParse)?.Value;
        }

        if (!string.IsNullOrWhiteSpace(iban))
        {
            member.Iban = v.Parsed<Iban>("Iban", iban, Iban.TryParse)?.Value;
        }
    }

    /// <summary>The town and country of birth, checked against the social security number (applied after it, again when it changes).</summary>
    public static void ApplyBirthplace(Validation v, Member member, string? place, string? country, string? nir)
    {
        if (place is null && country is null && string.IsNullOrWhiteSpace(nir))
        {
            return;
        }

        (member.BirthPlace, member.BirthCountry) = Birthplace.Check(v, "BirthPlace", "BirthCountry", place ?? member.BirthPlace, country ?? member.BirthCountry, member.Nir);
    }

    public static void ApplyCivil(Validation v, Member member, string? birthDate, string? gender, string? trade, DateOnly today)
    {
        if (birthDate is not null || member.BirthDate == default)
        {
            var date = v.Date("BirthDate", "La date de naissance", birthDate, required: true);
            if (date is { } d && (d > today.AddYears(-16) || d < today.AddYears(-100)))
            {
                v.Add("BirthDate", "La date de naissance doit correspondre à un âge de 16 à 100 ans.");
            }

            member.BirthDate = date ?? default;
        }

        if (gender is not null)
        {
            member.Gender = v.Enum<Gender>("Gender", "Le genre", gender, required: false);
        }

        if (trade is not null || member.TradeCode.Length == 0)
        {
            var found = Trades.Find(trade?.Trim());
            if (found is null)
            {
                v.Add("Trade", string.IsNullOrWhiteSpace(trade) ? "Le métier est obligatoire." : $"Métier inconnu : « {trade} ».");
            }

            member.TradeCode = found?.Code ?? string.Empty;
        }
    }

    /// <summary>
    /// Puts the member in an office with a manager of that office. A manager may only place
    /// members in their own office; without a named manager, the office's least busy one is chosen.
    /// </summary>
    public static async Task PlaceInOfficeAsync(
        Validation v, PartageDbContext db, IOfficesApi offices, Member member, OfficeId officeId, ActivityManagerId? managerId, Actor actor, CancellationToken ct)
    {
        if (await offices.FindOfficeAsync(officeId, ct) is null)
        {
            v.Add("OfficeId", "Ce bureau n'existe pas.");
            return;
        }

        if (!actor.IsAdmin && actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId != officeId)
        {
            v.Add("OfficeId", "Vous ne pouvez rattacher un membre qu'à votre propre bureau.");
            return;
        }

        member.OfficeId = officeId;
        if (managerId is { } chosen)
        {
            var manager = await offices.FindManagerAsync(chosen, ct);
            if (manager is null || manager.OfficeId != officeId)
            {
                v.Add("ManagerId", "Ce gestionnaire d'activité n'appartient pas à ce bureau.");
                return;
            }

            member.ManagerId = chosen;
            return;
        }

        var candidates = await offices.ListManagersAsync(officeId, ct);
        if (candidates.Count == 0)
        {
            member.ManagerId = null;
            return;
        }

        var ids = candidates.Select(c => (ActivityManagerId?)c.Id).ToList();
        var load = await db.Set<Member>().Where(m => ids.Contains(m.ManagerId))
            .GroupBy(m => m.ManagerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        member.ManagerId = candidates
            .OrderBy(c => load.FirstOrDefault(l => l.Key == c.Id)?.Count ?? 0)
            .ThenBy(c => c.FullName, StringComparer.Ordinal)
            .First().Id;
    }

    public const int RefusalReasonMaxLength = 500;

    public static async Task CheckUniqueAsync(Validation v, PartageDbContext db, Member member, CancellationToken ct)
    {
        if (await db.Set<Member>().AnyAsync(m => m.Email == member.Email && m.Id != member.Id, ct))
        {
            v.Add("Email", MembersErrors.DuplicateEmail.Message);
        }

        if (member.Nir is not null && await db.Set<Member>().AnyAsync(m => m.Nir == member.Nir && m.Id != member.Id, ct))
        {
            v.Add("Nir", MembersErrors.DuplicateNir.Message);
        }
    }

    /// <summary>What the audit keeps of a member: everything but the full NIR and IBAN.</summary>
    public static object AuditSnapshot(Member m) => new
    {
        m.Number, m.FirstName, m.LastName, m.Email, m.Phone, m.BirthDate, m.BirthPlace, m.BirthCountry, Gender = m.Gender?.ToString(), m.Street, m.PostalCode,
        m.City, m.Country, Nir = m.Nir is null ? null : Nir.Parse(m.Nir).Masked, Iban = m.Iban is null ? null : Iban.Parse(m.Iban).Masked,
        m.TradeCode, OfficeId = m.OfficeId.Value, ManagerId = m.ManagerId?.Value, m.MembershipDate, Status = m.Status.ToString(),
    };
}
