namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>
/// The accredited platform (Plateforme Agréée) the group's entities exchange e-invoices through (section
/// "EInvoicing"). Empty <see cref="PlatformUrl"/>: no platform, invoices go out by e-mail only.
/// </summary>
public sealed class EInvoicingOptions
{
    /// <summary>The base address of the platform's AFNOR XP Z12-013 Flow Service (the part before "/v1/flows").</summary>
    public string PlatformUrl { get; set; } = string.Empty;

    /// <summary>The base address of its Directory Service (the part before "/v1/directory-line/search").</summary>
    public string DirectoryUrl { get; set; } = string.Empty;

    /// <summary>The OAuth2 token address (client-credentials grant, as XP Z12-013 prescribes); empty: the secret is sent as the bearer token.</summary>
    public string TokenUrl { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The platform's registration number at the DGFiP (4 characters), the sender of the e-reporting files.</summary>
    public string PlatformRegistration { get; set; } = "0000";

    /// <summary>The key the platform signs its webhook calls with (HMAC-SHA-256, header Afnor-Signature).</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>An entity with its own account at the platform, by entity code ("LNA": its client id and secret).</summary>
    public Dictionary<string, PlatformCredentials> Entities { get; set; } = [];

    /// <summary>Attempts at a flow the platform could not take for a passing reason (unreachable, 5xx), before a person is asked to look.</summary>
    public int MaxAttempts { get; set; } = 8;

    public bool Enabled => PlatformUrl.Length > 0;

    public PlatformCredentials CredentialsFor(string entityCode) =>
        Entities.TryGetValue(entityCode, out var own) && own.ClientId.Length > 0 ? own : new PlatformCredentials { ClientId = ClientId, ClientSecret = ClientSecret };
}

public sealed class PlatformCredentials
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;
}
