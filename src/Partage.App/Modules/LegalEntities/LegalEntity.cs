using Partage.Kernel;

namespace Partage.App.Modules.LegalEntities;

/// <summary>A company of the group: it sells, employs and keeps its own books and numbering.</summary>
public sealed class LegalEntity
{
    public LegalEntityId Id { get; init; }

    /// <summary>Short stable code: SCIC, LNA, GE.</summary>
    public string Code { get; init; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string LegalForm { get; set; } = string.Empty;

    public string Siren { get; set; } = string.Empty;

    public string VatNumber { get; set; } = string.Empty;

    public string Street { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = "FR";

    public List<PerformanceLicence> Licences { get; init; } = [];
}

/// <summary>A live-performance entrepreneur licence ("licence d'entrepreneur de spectacles", categories 1 to 3).</summary>
public sealed class PerformanceLicence
{
    public Guid Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public int Category { get; init; }

    public string Number { get; init; } = string.Empty;

    public DateOnly ValidUntil { get; init; }

    /// <summary>When finance was told the licence expires within <see cref="LicenceExpiryAlerts.NoticeDays"/> days (once).</summary>
    public DateOnly? ExpiryAlertSentOn { get; set; }
}

/// <summary>A line of business the report counts revenue by ("production de projets", …).</summary>
public sealed class BusinessModule
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;
}

/// <summary>Which entity carries which business module.</summary>
public sealed class OfferedModule
{
    public LegalEntityId LegalEntityId { get; init; }

    public string ModuleCode { get; init; } = string.Empty;
}

public static class BusinessModules
{
    public const string Projects = "PROJETS";
    public const string Shows = "SPECTACLES";
    public const string Audiovisual = "AUDIOVISUEL";
    public const string ContractManagement = "GESTION_CONTRATS";
}
