using Partage.Kernel;

namespace Partage.App.Modules.Members;

public enum Gender
{
    Female,
    Male,
    Other,
}

public enum MemberStatus
{
    Active,
    Inactive,

    /// <summary>Registered by themselves, waiting for the e-mail's confirmation and their office's approval.</summary>
    Pending,

    /// <summary>An application the office refused (with a reason); the row stays, its number is not reused.</summary>
    Refused,
}

/// <summary>A member ("membre, porteur de projet"): a person who runs one or more activities in the cooperative.</summary>
public sealed class Member
{
    public MemberId Id { get; init; }

    /// <summary>Gapless membership number, allocated in the creating transaction.</summary>
    public long Number { get; set; }

    public Guid? UserId { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public DateOnly BirthDate { get; set; }

    /// <summary>The town of birth (DSN S21.G00.30.007, at most 30 characters); null until given.</summary>
    public string? BirthPlace { get; set; }

    /// <summary>The country of birth (ISO 3166) of someone born abroad; null for France.</summary>
    public string? BirthCountry { get; set; }

    /// <summary>Optional, asked only for the cooperative's statistics.</summary>
    public Gender? Gender { get; set; }

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = "FR";

    /// <summary>Social security number, compact; shown masked.</summary>
    public string? Nir { get; set; }

    /// <summary>IBAN for wages, compact; shown masked.</summary>
    public string? Iban { get; set; }

    public string TradeCode { get; set; } = string.Empty;

    public OfficeId OfficeId { get; set; }

    public ActivityManagerId? ManagerId { get; set; }

    public DateOnly MembershipDate { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>
    /// The day the member was set inactive (Europe/Paris); null while active. Their record is erased once this is
    /// `Retention:FormerMemberDays` behind and no module must still keep records naming them (EraseFormerMembers).
    /// </summary>
    public DateOnly? LeftOn { get; set; }

    /// <summary>When a self-registered applicant opened the link sent to their address; null until then (and for members created by staff).</summary>
    public DateTime? EmailConfirmedAt { get; set; }

    /// <summary>Why the office refused the application, as told to the applicant.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>Lower-case, accent-free name, e-mail and number, for search.</summary>
    public string SearchKey { get; set; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string FullName => $"{FirstName} {LastName}";

    public void RefreshSearchKey() =>
        SearchKey = Text.SearchKey(LastName, FirstName, Email, Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
