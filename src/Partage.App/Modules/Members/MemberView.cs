using Partage.Kernel;

namespace Partage.App.Modules.Members;

/// <summary>A member as screens and the API show it: NIR and IBAN only masked.</summary>
public sealed record MemberView(
    MemberId Id,
    long Number,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    DateOnly BirthDate,
    string? BirthPlace,
    string? BirthCountry,
    Gender? Gender,
    string Street,
    string PostalCode,
    string City,
    string Country,
    string? NirMasked,
    string? IbanMasked,
    string TradeCode,
    string TradeLabel,
    OfficeId OfficeId,
    string? OfficeName,
    ActivityManagerId? ManagerId,
    string? ManagerName,
    DateOnly MembershipDate,
    MemberStatus Status,
    bool HasAccount,
    DateTime? EmailConfirmedAt,
    string? RefusalReason)
{
    public string FullName => $"{FirstName} {LastName}";

    public static MemberView From(Member m, string? officeName, string? managerName) => new(
        m.Id, m.Number, m.FirstName, m.LastName, m.Email, m.Phone, m.BirthDate, m.BirthPlace, m.BirthCountry, m.Gender, m.Street, m.PostalCode, m.City, m.Country,
        m.Nir is null ? null : Nir.Parse(m.Nir).Masked,
        m.Iban is null ? null : Iban.Parse(m.Iban).Masked,
        m.TradeCode, Trades.Label(m.TradeCode), m.OfficeId, officeName, m.ManagerId, managerName, m.MembershipDate, m.Status, m.UserId is not null,
        m.EmailConfirmedAt, m.RefusalReason);
}

public sealed record MemberListItem(
    MemberId Id, long Number, string FirstName, string LastName, string Email, OfficeId OfficeId, string? OfficeName,
    string TradeCode, string TradeLabel, MemberStatus Status, DateOnly MembershipDate, DateTime? EmailConfirmedAt);

public static class MemberLabels
{
    public static string Status(MemberStatus status) => status switch
    {
        MemberStatus.Active => "Actif",
        MemberStatus.Pending => "Adhésion en attente",
        MemberStatus.Refused => "Adhésion refusée",
        _ => "Inactif",
    };

    /// <summary>The colour of the status's badge in lists (the site's CSS classes): active, waiting for a decision, or not active.</summary>
    public static string Tone(MemberStatus status) => status switch
    {
        MemberStatus.Active => "done",
        MemberStatus.Pending => "open",
        _ => "closed",
    };

    public static string Gender(Gender? gender) => gender switch
    {
        Members.Gender.Female => "Femme",
        Members.Gender.Male => "Homme",
        Members.Gender.Other => "Autre",
        _ => "Non renseigné",
    };
}
