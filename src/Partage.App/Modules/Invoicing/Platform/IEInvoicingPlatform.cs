namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>The entity a flow is exchanged for: its code (which credentials) and its SIREN (the Organization-Id of the calls).</summary>
public sealed record PlatformAccount(string EntityCode, string Siren);

/// <summary>A file handed to the platform: an invoice (Factur-X) or a lifecycle status (CDAR), with the AFNOR flowInfo qualifiers.</summary>
public sealed record FlowSubmission(string Name, string Syntax, string Profile, string ProcessingRule, string TrackingId, byte[] Content, string ContentType);

/// <summary>A flow as the platform lists it (AFNOR "Flow"): its id, type, when it last changed, and whether it passed the platform's checks.</summary>
public sealed record PlatformFlowInfo(string FlowId, string FlowType, string? TrackingId, DateTimeOffset UpdatedAt, string AckStatus);

/// <summary>
/// The accredited platform, as Partage uses it: find a client in the directory, hand over a flow,
/// list and fetch the flows addressed to the entity. One implementation speaks AFNOR XP Z12-013
/// (<see cref="AfnorPlatform"/>); a platform with its own API would be another.
/// </summary>
public interface IEInvoicingPlatform
{
    /// <summary>The client's active addressing identifier in the directory, or null when the directory has no active line for the SIREN.</summary>
    Task<string?> FindRecipientAsync(PlatformAccount account, string siren, CancellationToken ct);

    /// <summary>Hands the file over; returns the platform's flow id.</summary>
    Task<string> SubmitAsync(PlatformAccount account, FlowSubmission flow, CancellationToken ct);

    /// <summary>The incoming flows of the given types changed after <paramref name="updatedAfter"/>, every page.</summary>
    Task<IReadOnlyList<PlatformFlowInfo>> SearchIncomingAsync(PlatformAccount account, IReadOnlyList<string> flowTypes, DateTimeOffset updatedAfter, CancellationToken ct);

    /// <summary>The original file of a flow.</summary>
    Task<byte[]> DownloadAsync(PlatformAccount account, string flowId, CancellationToken ct);
}

/// <summary>The platform refused or could not take a call. <see cref="Passing"/>: worth trying again later (unreachable, 429, 5xx).</summary>
public sealed class PlatformException(string message, bool passing) : Exception(message)
{
    public bool Passing { get; } = passing;
}
