using Partage.Kernel;

namespace Partage.App.Modules.Offices;

public enum OfficeKind
{
    /// <summary>A full office ("bureau") with its own team of activity managers.</summary>
    Office,

    /// <summary>A part-time desk ("permanence") held by managers of a nearby office.</summary>
    Desk,
}

public sealed class Office
{
    public OfficeId Id { get; init; }

    public string Name { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public DateOnly OpeningDate { get; set; }

    public OfficeKind Kind { get; set; }
}

/// <summary>An activity manager ("gestionnaire d'activité"): the members' adviser in one office.</summary>
public sealed class ActivityManager
{
    public ActivityManagerId Id { get; init; }

    public OfficeId OfficeId { get; set; }

    public Guid? UserId { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string FullName => $"{FirstName} {LastName}";
}
